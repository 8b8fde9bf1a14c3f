package org.cpr.cqi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The anonymous speak-up channel never reads the sign-in session (I-10): its own filter chain is
 * stateless, keeps the security context in the request only, and keeps its CSRF token in a cookie
 * scoped to {@code /speak-up}, so a signed-in browser's session cookie is never looked up.
 */
@Configuration(proxyBeanMethods = false)
class SpeakUpSecurity {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain speakUpChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfCookie = new CookieCsrfTokenRepository();
        csrfCookie.setCookieName("CPRSPEAKUP-XSRF");
        csrfCookie.setCookiePath("/speak-up");
        csrfCookie.setCookieCustomizer(c -> c.secure(true).httpOnly(true).sameSite("Strict"));
        http.securityMatcher("/speak-up", "/speak-up/**")
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
