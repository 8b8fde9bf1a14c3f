package org.cpr.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The one definition of the filter chain of an anonymous channel (speak-up, check-in)
 * that never reads the sign-in session (I-10): stateless, the security context kept in
 * the request only, the CSRF token in a cookie scoped to the channel's path, so a
 * signed-in browser's session cookie is never looked up. Every request under the path is
 * permitted; the channel's own controllers decide the rest.
 */
public final class AnonymousChannelSecurity {

	/** The content security policy of anonymous channel pages. */
	public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private AnonymousChannelSecurity() {
	}

	/**
	 * The chain for {@code path} and everything under it, e.g. {@code /speak-up}.
	 * @param csrfCookieName the name of the channel's CSRF cookie, scoped to {@code path}
	 */
	public static SecurityFilterChain chain(HttpSecurity http, String path, String csrfCookieName) throws Exception {
		CookieCsrfTokenRepository csrfCookie = new CookieCsrfTokenRepository();
		csrfCookie.setCookieName(csrfCookieName);
		csrfCookie.setCookiePath(path);
		csrfCookie.setCookieCustomizer(c -> c.secure(true).httpOnly(true).sameSite("Strict"));
		http.securityMatcher(path, path + "/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(c -> c.disable())
			.csrf(c -> c.csrfTokenRepository(csrfCookie))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(f -> f.deny()));
		return http.build();
	}

}
