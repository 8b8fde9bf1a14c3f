package org.cpr.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {
    "cpr.oidc.enabled=true",
    "spring.security.oauth2.client.registration.campus.client-id=cpr",
    "spring.security.oauth2.client.registration.campus.client-secret=not-a-secret",
    "spring.security.oauth2.client.registration.campus.authorization-grant-type=authorization_code",
    "spring.security.oauth2.client.registration.campus.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
    "spring.security.oauth2.client.registration.campus.scope=openid,email",
    "spring.security.oauth2.client.provider.campus.authorization-uri=https://idp.example.org/authorize",
    "spring.security.oauth2.client.provider.campus.token-uri=https://idp.example.org/token",
    "spring.security.oauth2.client.provider.campus.jwk-set-uri=https://idp.example.org/jwks",
    "spring.security.oauth2.client.provider.campus.user-info-uri=https://idp.example.org/userinfo",
    "spring.security.oauth2.client.provider.campus.user-name-attribute=sub"})
@AutoConfigureMockMvc
class OidcSignInTests {

    @Autowired OidcPersonMapper mapper;
    @Autowired MockMvc mvc;

    static OidcUser idp(String subject, String email, boolean verified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "https://idp.example.org");
        claims.put("sub", subject);
        claims.put("email", email);
        claims.put("email_verified", verified);
        OidcIdToken token = new OidcIdToken("token", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"), claims);
        return new DefaultOidcUser(List.of(), token);
    }

    @Test
    void loginPageOffersCampusSignInThatGoesToTheProvider() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("id=\"sso\"")));
        mvc.perform(get("/oauth2/authorization/campus"))
            .andExpect(header().string("Location", startsWith("https://idp.example.org/authorize?")));
    }

    @Test
    void firstSignInLinksByVerifiedEmailThenTheSubjectIsEnough() {
        CprOidcUser first = mapper.map(idp("sub-123", "leader@demo.cpr.example", true));
        assertThat(first.displayName()).isEqualTo("Dr. Morgan Lee");
        CprOidcUser again = mapper.map(idp("sub-123", "changed-at-idp@example.org", false));
        assertThat(again.personId()).isEqualTo(first.personId());
    }

    @Test
    void unknownOrUnverifiedPeopleAreRefused() {
        assertThatThrownBy(() -> mapper.map(idp("sub-x", "stranger@example.org", true)))
            .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> mapper.map(idp("sub-y", "peer@demo.cpr.example", false)))
            .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
