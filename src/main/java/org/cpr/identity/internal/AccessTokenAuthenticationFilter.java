package org.cpr.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer cpr_…} requests to the API. A token of a
 * person whose role requires a second factor (I-25) authenticates only once that person
 * has enrolled TOTP: a token issued before (such as a seeded one) must not be a way
 * around the second factor.
 */
class AccessTokenAuthenticationFilter extends OncePerRequestFilter {

	/** Request attribute telling the entry point why a known token was refused. */
	static final String MFA_NOT_ENROLLED = "cpr.token.mfaNotEnrolled";

	private final ApiTokenAuthenticator tokens;

	AccessTokenAuthenticationFilter(ApiTokenAuthenticator tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.authenticate(header.substring(7).strip()).ifPresent(user -> {
				if (!user.mfaEnabled() && user.roles().stream().anyMatch(org.cpr.shared.Role::requiresMfa)) {
					request.setAttribute(MFA_NOT_ENROLLED, Boolean.TRUE);
					return;
				}
				var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
				SecurityContextHolder.getContext().setAuthentication(auth);
			});
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/v1/") && !path.equals("/actuator/prometheus");
	}

}
