package org.cpr.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail. Unexpected failures become a 500 whose
 * body says nothing about the input (it may hold personal data) and whose log line names
 * only the type.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/** A problem detail's text in the request's language (message bundles). */
	private String text(String code) {
		MessageSource source = getMessageSource();
		return source == null ? code : source.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badInput(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.problem.badInput"));
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ProblemDetail denied(org.springframework.security.access.AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("api.problem.forbidden"));
	}

	/**
	 * A duplicate of something that must be unique: the request conflicts with what
	 * exists.
	 */
	@ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
	ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("api.problem.duplicate"));
	}

	/**
	 * The safety net behind validation: a value the database refuses (too long, a
	 * character it cannot store, missing) came from the request, so it is a 422 that says
	 * so without the SQL or the value.
	 */
	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ProblemDetail notStorable(org.springframework.dao.DataIntegrityViolationException e) {
		log.warn("API input refused by the database: {}", e.getClass().getName());
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, text("api.problem.notStorable"));
	}

	@ExceptionHandler(Exception.class)
	org.springframework.http.ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (DatabaseUnavailable.is(e)) {
			log.warn("API request answered 503, the database was out of reach: {}", e.getClass().getName());
			return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(org.springframework.http.HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						text("api.problem.unavailable")));
		}
		log.error("Unexpected API failure: {}", e.getClass().getName());
		return org.springframework.http.ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, text("api.problem.serverError")));
	}

}
