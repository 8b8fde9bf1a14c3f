package org.cpr.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller runs, a request whose parameters or JSON body carry
 * control characters (NUL and the other C0 characters except tab, line feed and carriage
 * return). No form or API field has a use for them; PostgreSQL cannot store NUL in text
 * at all, and the others break exports and logs. The answer is a 400 that says what is
 * wrong and never repeats the input: an RFC 9457 problem detail for the API, the error
 * page (with the reason) for browsers.
 */
class ControlCharacterFilter extends OncePerRequestFilter {

	/** Request attribute the error page reads to explain a refusal. */
	static final String REASON = "cpr.error.reason";
	static final String REASON_CODE = "error.input.controlCharacters";

	private static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

	/**
	 * A JSON escape of such a character, not itself escaped (an even number of
	 * backslashes before it).
	 */
	private static final Pattern ESCAPED = Pattern
		.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])");

	private static final int MAX_SCANNED_BODY = 10 * 1024 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked = request;
		boolean bad = false;
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json")
				&& request.getContentLength() <= MAX_SCANNED_BODY) {
			byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
			String text = new String(body, StandardCharsets.UTF_8);
			bad = RAW.matcher(text).find() || ESCAPED.matcher(text).find();
			checked = new CachedBody(request, body);
		}
		if (!bad) {
			bad = badParameters(request);
		}
		if (bad) {
			refuse(request, response);
			return;
		}
		chain.doFilter(checked, response);
	}

	private static boolean badParameters(HttpServletRequest request) {
		try {
			for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
				if (RAW.matcher(p.getKey()).find()) {
					return true;
				}
				for (String v : p.getValue()) {
					if (v != null && RAW.matcher(v).find()) {
						return true;
					}
				}
			}
		}
		catch (IllegalStateException | IllegalArgumentException unparseable) {
			return false; // too large or malformed multipart: the multipart resolver
							// answers that with its own 4xx
		}
		return false;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String accept = request.getHeader("Accept");
		if (path.startsWith("/api/") || accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
						+ "\"The request contains control characters (such as NUL) that cannot be stored. Remove them and send it again.\"}");
			return;
		}
		request.setAttribute(REASON, REASON_CODE);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	/** The request with its body already read, so the controller can read it again. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
