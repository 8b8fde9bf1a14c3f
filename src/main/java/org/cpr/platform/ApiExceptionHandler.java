package org.cpr.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badInput(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request could not be understood.");
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ProblemDetail denied(org.springframework.security.access.AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this operation.");
	}

	/**
	 * A duplicate of something that must be unique: the request conflicts with what
	 * exists.
	 */
	@ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
	ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This conflicts with a record that already exists.");
	}

	/**
	 * The safety net behind validation: a value the database refuses (too long, a
	 * character it cannot store, missing) came from the request, so it is a 422 that says
	 * so without the SQL or the value.
	 */
	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ProblemDetail notStorable(org.springframework.dao.DataIntegrityViolationException e) {
		log.warn("API input refused by the database: {}", e.getClass().getName());
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"A value in the request is too long, missing or contains characters that cannot be stored.");
	}

	@ExceptionHandler(Exception.class)
	org.springframework.http.ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (DatabaseUnavailable.is(e)) {
			log.warn("API request answered 503, the database was out of reach: {}", e.getClass().getName());
			return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(org.springframework.http.HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						"The service is briefly unavailable. Send the same request again in a few seconds."));
		}
		log.error("Unexpected API failure: {}", e.getClass().getName());
		return org.springframework.http.ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"Something went wrong on our side."));
	}

}
