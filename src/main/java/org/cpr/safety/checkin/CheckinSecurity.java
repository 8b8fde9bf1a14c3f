package org.cpr.safety.checkin;

import org.cpr.shared.AnonymousChannelSecurity;
import org.cpr.shared.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The anonymous check-in never reads the sign-in session (I-10): its own stateless filter
 * chain keeps the security context in the request only and its CSRF token in a cookie
 * scoped to {@code /checkin}, so a signed-in browser's session cookie is never looked up
 * (see {@link AnonymousChannelSecurity}). The participant's own sign-in is a sealed token
 * in form bodies, never a cookie or a URL.
 */
@Configuration(proxyBeanMethods = false)
class CheckinSecurity {

	@Bean
	static PublicPaths checkinPaths() {
		return PublicPaths.of("/checkin", "/checkin/**");
	}

	@Bean
	@Order(0)
	SecurityFilterChain checkinChain(HttpSecurity http) throws Exception {
		return AnonymousChannelSecurity.chain(http, "/checkin", "CPRCHECKIN-XSRF");
	}

	/**
	 * The check-in dialogue's API: anonymous like the pages (no session, no sign-in
	 * cookie read), no CSRF since nothing ambient authenticates it (the check-in token
	 * travels in a header).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain checkinApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/checkin/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(s -> s
				.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(
					new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
			.requestCache(c -> c.disable())
			.csrf(c -> c.disable())
			.headers(h -> h
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

}
