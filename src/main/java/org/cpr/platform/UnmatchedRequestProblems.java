package org.cpr.platform;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Requests refused before any handler was chosen (wrong content type, method or Accept):
 * the API's advice applies only to API controllers, so without this an API client got a
 * bare 415/405/406 with no body. API paths get a problem detail; pages keep the error
 * page (the status is sent as before).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequestProblems {

	@ExceptionHandler({ HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> refusedBeforeAnyHandler(ServletException refused, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		ErrorResponse error = (ErrorResponse) refused;
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(error.getStatusCode().value());
			return null;
		}
		return ResponseEntity.status(error.getStatusCode())
			.headers(error.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(error.getBody());
	}

}
