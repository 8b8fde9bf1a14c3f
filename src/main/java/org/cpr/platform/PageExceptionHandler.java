package org.cpr.platform;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The safety net behind form validation: a value the database refuses (too long for its
 * column, a character it cannot store, a missing or duplicate value) is the user's input,
 * so it is a 4xx page that says so, not a 500. It never repeats the value or the SQL.
 * Forms still validate field by field first; this only catches what a form forgot. API
 * controllers are answered by {@link ApiExceptionHandler}, which is consulted first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	@ExceptionHandler(DuplicateKeyException.class)
	ModelAndView duplicate(DuplicateKeyException e) {
		return page(HttpStatus.CONFLICT, "error.input.duplicate");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView notStorable(DataIntegrityViolationException e) {
		log.warn("Input refused by the database: {}", e.getClass().getName());
		return page(HttpStatus.UNPROCESSABLE_CONTENT, "error.input.notStorable");
	}

	/**
	 * The database was briefly out of reach (a restart or fail-over): 503 with
	 * {@code Retry-After}, a page that says to send the form again; anything else stays a
	 * 500 as before.
	 */
	@ExceptionHandler({ org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.dao.TransientDataAccessException.class,
			org.springframework.transaction.TransactionSystemException.class })
	ModelAndView unavailable(Exception e, jakarta.servlet.http.HttpServletResponse response) throws Exception {
		if (!DatabaseUnavailable.is(e)) {
			throw e;
		}
		log.warn("Page answered 503, the database was out of reach: {}", e.getClass().getName());
		response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
		return page(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
	}

	private static ModelAndView page(HttpStatus status, String reason) {
		return new ModelAndView(ErrorPagesController.ERROR_VIEW, Map.of("status", status.value(), "reason", reason),
				status);
	}

}
