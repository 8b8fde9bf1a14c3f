package org.cpr.identity.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.shared.AuditPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Optional single sign-on through the campus OpenID Connect provider. Off unless
 * {@code cpr.oidc.enabled=true} and a
 * {@code spring.security.oauth2.client.registration.*} is configured. Signing out of a
 * sign-on session also ends it at the provider (RP-initiated logout), so the next person
 * at a shared ward computer is not signed back in as the previous one.
 */
@Component
@ConditionalOnProperty(name = "cpr.oidc.enabled", havingValue = "true")
class OidcLogin {

	private final OidcPersonMapper mapper;

	private final AuditPort audit;

	private final ClientRegistrationRepository registrations;

	private final String endSession;

	private final String baseUrl;

	OidcLogin(OidcPersonMapper mapper, AuditPort audit, ClientRegistrationRepository registrations,
			@Value("${cpr.oidc.end-session-uri:}") String endSession,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.mapper = mapper;
		this.audit = audit;
		this.registrations = registrations;
		this.endSession = endSession;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	void configure(HttpSecurity http, LoginSuccessHandler successes) throws Exception {
		OidcUserService delegate = new OidcUserService();
		http.oauth2Login(o -> o.loginPage("/login")
			.userInfoEndpoint(u -> u.oidcUserService(request -> mapper.map(delegate.loadUser(request))))
			.successHandler(successes)
			.failureHandler(new OidcFailureHandler(audit)));
		http.logout(logout -> logout.logoutSuccessHandler(this::loggedOut));
		http.addFilterBefore(new SsoAvailabilityFilter(registrations),
				org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter.class);
	}

	/**
	 * Password sessions go to the sign-in page; sign-on sessions to the provider's
	 * end-session endpoint first.
	 */
	void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		String back = baseUrl + "/login?logout";
		String endpoint = authentication != null && authentication.getPrincipal() instanceof OidcUser user
				? endSessionEndpoint(authentication) : null;
		if (endpoint == null || endpoint.isBlank()) {
			response.sendRedirect(request.getContextPath() + "/login?logout");
			return;
		}
		OidcUser user = (OidcUser) authentication.getPrincipal();
		response.sendRedirect(UriComponentsBuilder.fromUriString(endpoint)
			.queryParam("id_token_hint", user.getIdToken().getTokenValue())
			.queryParam("post_logout_redirect_uri", URLEncoder.encode(back, StandardCharsets.UTF_8))
			.build(true)
			.toUriString());
	}

	/** cpr.oidc.end-session-uri, or the provider's discovered end_session_endpoint. */
	private String endSessionEndpoint(Authentication authentication) {
		if (!endSession.isBlank()) {
			return endSession;
		}
		if (authentication instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken token) {
			ClientRegistration registration = registrations
				.findByRegistrationId(token.getAuthorizedClientRegistrationId());
			Object discovered = registration == null ? null
					: registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
			return discovered == null ? null : discovered.toString();
		}
		return null;
	}

}
