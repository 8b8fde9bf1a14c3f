package org.cpr.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.cpr.identity.MfaEnrolment;
import org.cpr.shared.PublicPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the JSON API (stateless, personal access tokens, problem-detail
 * errors) and the web UI (form login, CSRF, strict headers). Modules open paths to the
 * public by declaring {@link PublicPaths} beans; everything else needs a signed-in
 * person.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	private static final String[] ALWAYS_PUBLIC = { "/", "/login", "/login/link", "/error", "/crisis", "/locale",
			"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/oauth2/**", "/login/oauth2/**",
			"/actuator/health", "/actuator/health/**", "/api/docs", "/api/docs/**" };

	/**
	 * Argon2id at OWASP strength, at most one hash per core at a time (see
	 * {@link BoundedPasswordEncoder} for the parameters and why).
	 */
	@Bean
	PasswordEncoder passwordEncoder(
			@org.springframework.beans.factory.annotation.Value("${cpr.identity.argon2.memory-kib:7168}") int memoryKib,
			@org.springframework.beans.factory.annotation.Value("${cpr.identity.argon2.iterations:5}") int iterations,
			@org.springframework.beans.factory.annotation.Value("${cpr.identity.argon2.parallelism:1}") int parallelism,
			@org.springframework.beans.factory.annotation.Value("${cpr.identity.argon2.concurrency:0}") int concurrency) {
		return new BoundedPasswordEncoder(memoryKib, iterations, parallelism,
				concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors());
	}

	/**
	 * The firewall's refusals (encoded dots, odd characters in paths) as a problem
	 * detail, like every other error.
	 */
	@Bean
	org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> {
			response.setStatus(400);
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
						+ "\"detail\":\"This address is not allowed.\"}");
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiProblemEntryPoint problems, ApiTokenAuthenticator authenticator)
			throws Exception {
		var tokens = new AccessTokenAuthenticationFilter(authenticator);
		// Prometheus scrapes with a system administrator's personal access token
		// (Authorization: Bearer), like the API
		http.securityMatcher("/api/v1/**", "/actuator/prometheus")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/prometheus")
				.hasRole("SYSTEM_ADMIN")
				.anyRequest()
				.authenticated())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(tokens,
					org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(h -> h
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
			LoginFailureHandler failures, LoginSuccessHandler successes, MfaEnrolment mfa,
			ObjectProvider<OidcLogin> oidc, java.time.Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			org.cpr.shared.KeyedHash keyedHash,
			@org.springframework.beans.factory.annotation.Value("${cpr.session.absolute-timeout:12h}") java.time.Duration absoluteTimeout,
			@org.springframework.beans.factory.annotation.Value("${cpr.identity.login-attempts-per-client:20}") int loginAttemptsPerClient)
			throws Exception {
		List<String> open = new ArrayList<>(List.of(ALWAYS_PUBLIC));
		publicPaths.forEach(p -> open.addAll(p.patterns()));
		http.authorizeHttpRequests(auth -> auth.requestMatchers(open.toArray(String[]::new))
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("SYSTEM_ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(failures).successHandler(successes).permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.deleteCookies("CPRSESSION")
				.invalidateHttpSession(true))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.addFilterBefore(new LoginThrottleFilter(jdbc, keyedHash, clock, loginAttemptsPerClient),
					org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter.class)
			.addFilterAfter(new AbsoluteSessionTimeoutFilter(clock, absoluteTimeout),
					org.springframework.security.web.context.SecurityContextHolderFilter.class)
			.addFilterAfter(new MfaEnforcementFilter(mfa),
					org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(f -> f.deny())
				.permissionsPolicyHeader(
						p -> p.policy("camera=(), microphone=(), geolocation=(), interest-cohort=()")));
		OidcLogin sso = oidc.getIfAvailable();
		if (sso != null) {
			sso.configure(http, successes);
		}
		return http.build();
	}

}
