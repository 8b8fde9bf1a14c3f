package org.cpr.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.cpr.identity.MfaEnrolment;
import org.cpr.identity.MfaSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in person who must use a second factor (clinicians, privacy officers, system
 * administrators, or anyone who enrolled) reaches nothing but the MFA pages, sign-out,
 * the crisis page and static files until TOTP or a recovery code has been checked in this
 * session.
 */
class MfaEnforcementFilter extends OncePerRequestFilter {

	private static final List<String> OPEN = List.of("/mfa/", "/logout", "/crisis", "/css/", "/js/", "/img/",
			"/webjars/", "/error", "/favicon.ico", "/login", "/locale");

	private final MfaEnrolment enrolment;

	MfaEnforcementFilter(MfaEnrolment enrolment) {
		this.enrolment = enrolment;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CprUser user && user.mfaRequired()
				&& !MfaSession.passed(request.getSession(false), user.personId()) && !open(request)) {
			String target = enrolment.isEnrolled(user.personId()) ? "/mfa/verify" : "/mfa/enrol";
			response.sendRedirect(request.getContextPath() + target);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean open(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN.stream().anyMatch(path::startsWith);
	}

}
