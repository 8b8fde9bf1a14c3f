package org.cpr.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The error page of a request cut by a database restart is answered even while the
 * database is still away (issue #17: about 1 request in 5,000 of the cluster proof's
 * PostgreSQL restart was a 500, Tomcat logging "Exception Processing ErrorPage").
 * <p>
 * The path: the request failed because the database was away (often its session's save,
 * in Spring Session's filter), and Tomcat dispatched it to the error page. Spring
 * Session's filter runs again on that error dispatch and saves the same session once more
 * when the page is done (the session is still the request's current one, since the first
 * save failed); the database is still away a few milliseconds later, so the error page's
 * own dispatch threw, and Tomcat gave up with a bare 500. Reading the session while the
 * page renders (the security context, the CSRF token of the layout's sign-out form) can
 * fail the same way when the first dispatch never loaded it.
 * <p>
 * This filter wraps error dispatches only, outside Spring Session's filter. When the
 * dispatch fails because the database is out of reach, the answer is a 503 with
 * {@code Retry-After}: if the response was already sent, as it was; otherwise a small
 * page from the message bundles (or a problem detail), built without the session, the
 * security context or the database. Any other failure is left to Tomcat as before.
 */
class ErrorPageWithoutDatabase implements Filter {

	private static final Logger log = LoggerFactory.getLogger(ErrorPageWithoutDatabase.class);

	private final MessageSource messages;

	ErrorPageWithoutDatabase(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException failure) {
			if (!DatabaseUnavailable.is(failure) || !(response instanceof HttpServletResponse http)) {
				throw failure;
			}
			log.warn("Error page of a request answered 503 without the database, which was out of reach: {}",
					failure.getClass().getName());
			if (http.isCommitted()) {
				return;
			}
			http.resetBuffer();
			http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			http.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			http.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			if (request instanceof HttpServletRequest page && accepts(page, MediaType.TEXT_HTML)) {
				Locale locale = locale(page);
				http.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
				String title = HtmlUtils.htmlEscape(messages.getMessage("error.title", null, "503", locale));
				String text = HtmlUtils.htmlEscape(messages.getMessage("error.unavailable", null, locale));
				http.getWriter()
					.write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage())
							+ "\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><main><h1>"
							+ title + "</h1><p>" + text + "</p></main></body></html>");
			}
			else {
				http.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				Locale locale = request instanceof HttpServletRequest asked ? locale(asked) : Locale.ENGLISH;
				String detail = messages.getMessage("api.problem.unavailable", null, locale)
					.replace("\\", "\\\\")
					.replace("\"", "\\\"");
				http.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
							+ "\"detail\":\"" + detail + "\"}");
			}
		}
	}

	/** The browser's language; English when it names none (not the server's default). */
	private static Locale locale(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH : request.getLocale();
	}

	private static boolean accepts(HttpServletRequest request, MediaType type) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(m -> m.includes(type) && !m.isWildcardType());
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

}
