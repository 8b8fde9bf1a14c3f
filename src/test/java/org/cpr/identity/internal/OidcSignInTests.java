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

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.cpr.identity.LoginControllerAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;

// several links per person: two tests here sign the same demo person on with two subjects (the default,
// first-only, is driven through a real provider in OidcProviderFlowTests)
@SpringBootTest(properties = { "cpr.oidc.enabled=true", "cpr.oidc.link-policy=several",
		"spring.security.oauth2.client.registration.campus.client-id=cpr",
		"spring.security.oauth2.client.registration.campus.client-secret=not-a-secret",
		"spring.security.oauth2.client.registration.campus.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.campus.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.registration.campus.scope=openid,email",
		"spring.security.oauth2.client.provider.campus.authorization-uri=https://idp.example.org/authorize",
		"spring.security.oauth2.client.provider.campus.token-uri=https://idp.example.org/token",
		"spring.security.oauth2.client.provider.campus.jwk-set-uri=https://idp.example.org/jwks",
		"spring.security.oauth2.client.provider.campus.user-info-uri=https://idp.example.org/userinfo",
		"spring.security.oauth2.client.provider.campus.user-name-attribute=sub",
		"cpr.oidc.end-session-uri=https://idp.example.org/logout" })
@AutoConfigureMockMvc
class OidcSignInTests {

	@Autowired
	OidcPersonMapper mapper;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	static OidcUser idp(String subject, String email, boolean verified) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("iss", "https://idp.example.org");
		claims.put("sub", subject);
		claims.put("email", email);
		claims.put("email_verified", verified);
		OidcIdToken token = new OidcIdToken("token", Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-01-01T01:00:00Z"), claims);
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

	static String code(Runnable signIn) {
		try {
			signIn.run();
		}
		catch (OAuth2AuthenticationException refused) {
			return refused.getError().getErrorCode();
		}
		return "signed in";
	}

	@Test
	void eachRefusalSaysWhy() {
		assertThat(code(() -> mapper.map(idp("sub-a", "stranger@example.org", true))))
			.isEqualTo(OidcPersonMapper.UNKNOWN);
		assertThat(code(() -> mapper.map(idp("sub-b", "peer@demo.cpr.example", false))))
			.isEqualTo(OidcPersonMapper.UNVERIFIED);
		String email = "inactive-" + UUID.randomUUID() + "@example.org";
		jdbc.update(
				"INSERT INTO person (id, username, email, display_name, trainee_type, active, created_at)"
						+ " VALUES (?, ?, ?, 'Former Resident', 'RESIDENT', FALSE, CURRENT_TIMESTAMP)",
				UUID.randomUUID(), email, email);
		assertThat(code(() -> mapper.map(idp("sub-c", email, true)))).isEqualTo(OidcPersonMapper.INACTIVE);
		assertThat(OidcFailureHandler.reason(new OAuth2AuthenticationException("invalid_token_response")))
			.isEqualTo("provider");
	}

	@Test
	void cancellingAtTheProviderIsAuditedAndSaidPlainly() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String authorize = mvc.perform(get("/oauth2/authorization/campus").session(session))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(authorize);
		assertThat(state.find()).isTrue();
		long before = jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_log WHERE action = 'SSO_REFUSED' AND detail = 'cancelled'", Long.class);
		String back = mvc
			.perform(get("/login/oauth2/code/campus").session(session)
				.param("error", "access_denied")
				.param("state", java.net.URLDecoder.decode(state.group(1), java.nio.charset.StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(back).isEqualTo("/login?error=sso-cancelled");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM audit_log WHERE action = 'SSO_REFUSED' AND detail = 'cancelled' AND outcome = 'DENIED'",
					Long.class) == before + 1);
		mvc.perform(get("/login").param("error", "sso-cancelled"))
			.andExpect(content().string(containsString("Campus sign-in was cancelled or not completed.")));
	}

	@Test
	void aReturnWithoutItsStartSaysToStartAgain() throws Exception {
		String back = mvc.perform(get("/login/oauth2/code/campus").param("code", "abc").param("state", "never-issued"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(back).isEqualTo("/login?error=sso-state");
	}

	@Test
	void failedSignOnsAreThrottledLikePasswords() throws Exception {
		String last = null;
		for (int i = 0; i <= 20; i++) {
			last = mvc.perform(get("/login/oauth2/code/campus").param("code", "abc").param("state", "x" + i).with(r -> {
				r.setRemoteAddr("198.51.100.177");
				return r;
			})).andReturn().getResponse().getRedirectedUrl();
		}
		assertThat(last).isEqualTo("/login?error=throttled");
	}

	@Test
	void signingOutEndsTheProviderSessionAndSsoUsersAreNotOfferedAPassword() throws Exception {
		CprOidcUser leader = mapper.map(idp("sub-logout", "leader@demo.cpr.example", true));
		OAuth2AuthenticationToken auth = new OAuth2AuthenticationToken(leader, leader.getAuthorities(), "campus");
		String account = mvc.perform(get("/account")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.authentication(auth)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(account).contains("id=\"password-sso\"").doesNotContain("id=\"change-password\"");
		String out = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.authentication(auth))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(out).startsWith("https://idp.example.org/logout?id_token_hint=token&post_logout_redirect_uri=")
			.contains("%2Flogin%3Flogout");
	}

	@Test
	void theSignOnLinkNamesWhateverTheOneRegistrationIsCalled() {
		ClientRegistration university = ClientRegistration.withRegistrationId("university")
			.clientId("cpr")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://idp.example.org/a")
			.tokenUri("https://idp.example.org/t")
			.build();
		InMemoryClientRegistrationRepository repository = new InMemoryClientRegistrationRepository(university);
		assertThat(LoginControllerAccess.ssoPath("", repository)).isEqualTo("/oauth2/authorization/university");
		assertThat(LoginControllerAccess.ssoPath("campus", repository))
			.as("a name that is not configured gives no link, not a 500")
			.isNull();
	}

}
