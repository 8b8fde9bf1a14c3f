package org.cpr.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starting a campus sign-on with a registration that is not configured (a mistyped or
 * renamed link) or whose provider cannot be reached right now leads back to the sign-in
 * page with "campus sign-on is not available" instead of an error page; password sign-in
 * stays usable.
 */
class SsoAvailabilityFilter extends OncePerRequestFilter {

	static final String PREFIX = "/oauth2/authorization/";

	private static final Logger log = LoggerFactory.getLogger(SsoAvailabilityFilter.class);

	private final ClientRegistrationRepository registrations;

	SsoAvailabilityFilter(ClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !path(request).startsWith(PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = path(request).substring(PREFIX.length());
		if (id.isEmpty() || id.contains("/") || registrations.findByRegistrationId(id) == null) {
			log.warn("SSO_UNAVAILABLE known={}", id.matches("[A-Za-z0-9_.-]{1,64}") && known(id));
			response.sendRedirect(request.getContextPath() + "/login?error=sso-unavailable");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean known(String id) {
		return registrations instanceof LazyClientRegistrations lazy && lazy.ids().contains(id);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
