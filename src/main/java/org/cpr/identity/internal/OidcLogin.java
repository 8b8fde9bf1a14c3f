package org.cpr.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.stereotype.Component;

/**
 * Optional single sign-on through the campus OpenID Connect provider. Off unless
 * {@code cpr.oidc.enabled=true} and a {@code spring.security.oauth2.client.registration.*} is configured.
 */
@Component
@ConditionalOnProperty(name = "cpr.oidc.enabled", havingValue = "true")
class OidcLogin {

    private final OidcPersonMapper mapper;

    OidcLogin(OidcPersonMapper mapper) {
        this.mapper = mapper;
    }

    void configure(HttpSecurity http, LoginSuccessHandler successes) throws Exception {
        OidcUserService delegate = new OidcUserService();
        http.oauth2Login(o -> o.loginPage("/login")
                .userInfoEndpoint(u -> u.oidcUserService(request -> mapper.map(delegate.loadUser(request))))
                .successHandler(successes)
                .failureUrl("/login?error=sso"));
    }
}
