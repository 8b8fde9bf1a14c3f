package org.cpr.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that escape the controllers (unknown paths, filter failures): an HTML page for
 * browsers, an RFC 9457 problem detail for everything else. Neither repeats the request's
 * input. A failure because the database was briefly out of reach (e.g. the session
 * store's save, in a filter, cut by a database restart) is a 503 with
 * {@code Retry-After}, as in the controllers ({@link DatabaseUnavailable}).
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPagesController implements ErrorController {

	static final String ERROR_VIEW = "error";

	private final MessageSource messages;

	ErrorPagesController(MessageSource messages) {
		this.messages = messages;
	}

	/** A problem detail's text in the request's language (message bundles). */
	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		Object reason = request.getAttribute(ControlCharacterFilter.REASON);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			reason = "error.unavailable";
		}
		return new ModelAndView(ERROR_VIEW,
				reason == null ? Map.of("status", status.value()) : Map.of("status", status.value(), "reason", reason),
				status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail body = ProblemDetail.forStatus(status);
		body.setDetail(switch (status) {
			case NOT_FOUND -> text("api.problem.notFound");
			case METHOD_NOT_ALLOWED -> text("api.problem.methodNotAllowed");
			case UNAUTHORIZED -> text("api.problem.unauthorized");
			case FORBIDDEN -> text("api.problem.forbidden");
			case SERVICE_UNAVAILABLE -> text("api.problem.unavailable");
			default -> status.is5xxServerError() ? text("api.problem.serverError") : text("api.problem.unprocessable");
		});
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
		}
		return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if ((code == null || Integer.valueOf(500).equals(code))
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& DatabaseUnavailable.is(failure)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (code instanceof Integer value) {
			HttpStatus resolved = HttpStatus.resolve(value);
			if (resolved != null) {
				return resolved;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
