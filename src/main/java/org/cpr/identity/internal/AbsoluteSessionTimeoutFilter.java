package org.cpr.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session a fixed time after sign-in whatever the activity (NIST 800-63B:
 * re-authenticate at least every 12 hours); the 30-minute idle limit is the servlet
 * session timeout.
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = "cpr.signedInAt";

	private final Clock clock;

	private final Duration limit;

	AbsoluteSessionTimeoutFilter(Clock clock, Duration limit) {
		this.clock = clock;
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Object signedInAt = session == null ? null : session.getAttribute(SIGNED_IN_AT);
		if (signedInAt instanceof Instant at && !clock.instant().isBefore(at.plus(limit))) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

}
