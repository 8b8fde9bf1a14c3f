package org.cpr.safety.checkin;

import org.cpr.shared.PublicPaths;
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
 * The anonymous check-in never reads the sign-in session (I-10): its own stateless filter chain keeps
 * the security context in the request only and its CSRF token in a cookie scoped to {@code /checkin},
 * so a signed-in browser's session cookie is never looked up. The participant's own sign-in is a
 * sealed token in form bodies, never a cookie or a URL.
 */
@Configuration(proxyBeanMethods = false)
class CheckinSecurity {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    static PublicPaths checkinPaths() {
        return PublicPaths.of("/checkin", "/checkin/**");
    }

    @Bean
    @Order(0)
    SecurityFilterChain checkinChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfCookie = new CookieCsrfTokenRepository();
        csrfCookie.setCookieName("CPRCHECKIN-XSRF");
        csrfCookie.setCookiePath("/checkin");
        csrfCookie.setCookieCustomizer(c -> c.secure(true).httpOnly(true).sameSite("Strict"));
        http.securityMatcher("/checkin", "/checkin/**")
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
