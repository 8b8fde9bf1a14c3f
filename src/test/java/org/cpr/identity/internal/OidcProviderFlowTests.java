package org.cpr.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.awaitility.Awaitility;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Campus sign-on against a real OpenID Connect provider (an embedded one,
 * mock-oauth2-server), through the real redirect flow: the browser (MockMvc) starts at
 * the platform, follows the redirect to the provider's authorize endpoint (real HTTP),
 * comes back with the provider's code and state, and the platform exchanges the code at
 * the provider's token endpoint, checks the ID token against the provider's keys and
 * reads its user info. The provider is down when the platform starts.
 */
@SpringBootTest(properties = { "cpr.oidc.enabled=true", "cpr.oidc.retry-after=PT0S",
		"spring.security.oauth2.client.registration.campus.client-id=cpr",
		"spring.security.oauth2.client.registration.campus.client-secret=not-a-secret",
		"spring.security.oauth2.client.registration.campus.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.campus.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.registration.campus.scope=openid,email,profile" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcProviderFlowTests {

	static final int PORT = freePort();

	static final String ISSUER = "http://localhost:" + PORT + "/campus";

	static final MockOAuth2Server provider = new MockOAuth2Server();

	static volatile boolean started;

	static final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.provider.campus.issuer-uri", () -> ISSUER);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PeopleAdministration people;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static synchronized void providerUp() {
		if (!started) {
			provider.start(PORT);
			started = true;
		}
	}

	@AfterAll
	static void providerDown() {
		if (started) {
			provider.shutdown();
		}
	}

	UUID person(String email, boolean active, Role role) {
		String username = "o" + UUID.randomUUID().toString().substring(0, 12);
		var details = new PeopleAdministration.PersonDetails(username, email, "Oidc " + username, TraineeType.RESIDENT,
				"PGY1", null, null, true);
		UUID id = people.create(details, null);
		if (!active) {
			people.update(id, new PeopleAdministration.PersonDetails(username, email, "Oidc " + username,
					TraineeType.RESIDENT, "PGY1", null, null, false), null);
		}
		UUID campus = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		people.grant(id, role, campus, null);
		return id;
	}

	static String email() {
		return "sso-" + UUID.randomUUID() + "@campus.example.edu";
	}

	/** The provider's next sign-in: this subject, these claims. */
	static void nextSignIn(String subject, Map<String, Object> claims) {
		provider
			.enqueueCallback(new DefaultOAuth2TokenCallback("campus", subject, "JWT", List.of("cpr"), claims, 3600));
	}

	static Map<String, Object> claims(String email, Boolean verified) {
		Map<String, Object> c = new HashMap<>();
		c.put("email", email);
		if (verified != null) {
			c.put("email_verified", verified);
		}
		return c;
	}

	/** Starts at the platform; returns the provider's authorize URL. */
	String start(MockHttpSession session) throws Exception {
		String authorize = mvc.perform(get("/oauth2/authorization/campus").session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(authorize).startsWith(ISSUER + "/authorize?");
		return authorize;
	}

	/**
	 * The provider's answer to the browser at its authorize endpoint (a redirect back).
	 */
	static URI atProvider(String url) throws Exception {
		HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(r.statusCode()).as("the provider redirects back").isEqualTo(302);
		return URI.create(r.headers().firstValue("Location").orElseThrow());
	}

	/** Follows the provider's redirect back into the platform. */
	MockHttpServletResponse back(URI callback, MockHttpSession session) throws Exception {
		assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/campus");
		var request = get(callback.getPath()).session(session);
		for (String pair : callback.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			request.param(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** A whole sign-on: platform → provider → platform; returns where it lands. */
	String signOn(MockHttpSession session) throws Exception {
		return back(atProvider(start(session)), session).getRedirectedUrl();
	}

	long refusals(String reason) {
		return jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SSO_REFUSED' AND detail = ? AND outcome = 'DENIED'")
			.param(reason)
			.query(Long.class)
			.single();
	}

	void refusedAndAudited(String reason, long before, String url) throws Exception {
		assertThat(url).isEqualTo("/login?error=sso-" + reason);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> refusals(reason) == before + 1);
		assertThat(mvc.perform(get(url)).andReturn().getResponse().getContentAsString()).contains("id=\"sso-refused\"");
	}

	@Test
	@Order(1)
	void thePlatformStartsAndPasswordSignInWorksWhileTheProviderIsDownAndSignOnWorksOnceItIsUp() throws Exception {
		assertThat(started).as("this test runs first, before the provider starts").isFalse();
		assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("id=\"sso\"");
		assertThat(mvc.perform(get("/crisis")).andReturn().getResponse().getStatus()).isEqualTo(200);
		UUID id = person(email(), true, Role.PARTICIPANT);
		String username = jdbc.sql("SELECT username FROM person WHERE id = ?").param(id).query(String.class).single();
		people.setPassword(id, "a long campus password 2026!", null);
		assertThat(mvc
			.perform(post("/login").with(csrf())
				.param("username", username)
				.param("password", "a long campus password 2026!"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).as("password sign-in").endsWith("/home");
		String unavailable = mvc.perform(get("/oauth2/authorization/campus"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(unavailable).isEqualTo("/login?error=sso-unavailable");
		assertThat(mvc.perform(get(unavailable)).andReturn().getResponse().getContentAsString())
			.contains("Campus sign-in is not available right now");

		providerUp();
		start(new MockHttpSession());
	}

	@Test
	void firstSignInLinksByVerifiedEmailLaterOnesBySubjectAndNoAccountIsCreated() throws Exception {
		providerUp();
		String email = email();
		UUID id = person(email, true, Role.PARTICIPANT);
		String subject = "subj-" + UUID.randomUUID();
		nextSignIn(subject, claims(email, true));
		MockHttpSession first = new MockHttpSession();
		assertThat(signOn(first)).endsWith("/home");
		assertThat(mvc.perform(get("/home").session(first)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT person_id FROM external_identity WHERE issuer = ? AND subject = ?")
			.params(ISSUER, subject)
			.query(UUID.class)
			.single()).isEqualTo(id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SSO_LINKED' AND record_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);

		// later: the provider now sends another (unverified) address; the subject is
		// enough
		nextSignIn(subject, claims("changed-" + email, false));
		MockHttpSession later = new MockHttpSession();
		assertThat(signOn(later)).endsWith("/home");
		String account = mvc.perform(get("/account").session(later)).andReturn().getResponse().getContentAsString();
		assertThat(account).as("campus users are not offered a password change")
			.contains("id=\"password-sso\"")
			.doesNotContain("id=\"change-password\"");

		long people = jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
		long before = refusals("roster");
		nextSignIn("subj-" + UUID.randomUUID(), claims(email(), true));
		refusedAndAudited("roster", before, signOn(new MockHttpSession()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single()).as("no account created")
			.isEqualTo(people);
	}

	@Test
	void cliniciansStillNeedTheirSecondFactorAfterCampusSignOn() throws Exception {
		providerUp();
		String email = email();
		person(email, true, Role.RESILIENCE_CLINICIAN);
		nextSignIn("subj-" + UUID.randomUUID(), claims(email, true));
		MockHttpSession session = new MockHttpSession();
		signOn(session);
		assertThat(mvc.perform(get("/home").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/mfa/enrol");
	}

	@Test
	void unverifiedOrMissingEmailVerificationAndDeactivatedPeopleAreRefusedEachWithItsReason() throws Exception {
		providerUp();
		String email = email();
		person(email, true, Role.PARTICIPANT);
		long before = refusals("unverified");
		nextSignIn("subj-" + UUID.randomUUID(), claims(email, false));
		refusedAndAudited("unverified", before, signOn(new MockHttpSession()));
		nextSignIn("subj-" + UUID.randomUUID(), claims(email, null));
		refusedAndAudited("unverified", before + 1, signOn(new MockHttpSession()));
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM external_identity x JOIN person p ON p.id = x.person_id WHERE p.email = ?")
			.param(email)
			.query(Long.class)
			.single()).as("a provider without email_verified links nobody").isZero();

		String inactive = email();
		person(inactive, false, Role.PARTICIPANT);
		long inactiveBefore = refusals("inactive");
		nextSignIn("subj-" + UUID.randomUUID(), claims(inactive, true));
		refusedAndAudited("inactive", inactiveBefore, signOn(new MockHttpSession()));
	}

	@Test
	void cancelledAtTheProviderLostStateAndProviderErrorsSayWhatHappened() throws Exception {
		providerUp();
		MockHttpSession session = new MockHttpSession();
		Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(start(session));
		assertThat(state.find()).isTrue();
		long cancelled = refusals("cancelled");
		refusedAndAudited("cancelled", cancelled,
				back(URI
					.create("http://localhost/login/oauth2/code/campus?error=access_denied&state=" + state.group(1)),
						session)
					.getRedirectedUrl());

		// (no token is enqueued: the platform refuses before it asks the provider for
		// one)
		String email = email();
		person(email, true, Role.PARTICIPANT);
		MockHttpSession lost = new MockHttpSession();
		URI callback = atProvider(start(lost));
		long stateBefore = refusals("state");
		refusedAndAudited("state", stateBefore, back(callback, new MockHttpSession()).getRedirectedUrl()); // the
																											// session
																											// cookie
																											// was
																											// lost

		// the provider answers with an error of its own (OpenID Connect error response)
		MockHttpSession failing = new MockHttpSession();
		Matcher failingState = Pattern.compile("[?&]state=([^&]+)").matcher(start(failing));
		assertThat(failingState.find()).isTrue();
		long providerBefore = refusals("provider");
		refusedAndAudited("provider", providerBefore,
				back(URI.create(
						"http://localhost/login/oauth2/code/campus?error=server_error&state=" + failingState.group(1)),
						failing)
					.getRedirectedUrl());
	}

	@Test
	void aSecondProviderAccountCannotTakeOverALinkedPersonAndAnAdministratorCanRemoveTheLink() throws Exception {
		providerUp();
		String email = email();
		UUID id = person(email, true, Role.PARTICIPANT);
		nextSignIn("subj-first-" + UUID.randomUUID(), claims(email, true));
		assertThat(signOn(new MockHttpSession())).endsWith("/home");
		long before = refusals("linked");
		nextSignIn("subj-second-" + UUID.randomUUID(), claims(email, true));
		refusedAndAudited("linked", before, signOn(new MockHttpSession()));

		UUID link = jdbc.sql("SELECT id FROM external_identity WHERE person_id = ?")
			.param(id)
			.query(UUID.class)
			.single();
		var admin = org.cpr.support.TestUsers.as(Role.SYSTEM_ADMIN);
		String page = mvc.perform(get("/admin/sso-links").with(org.cpr.support.TestUsers.signedIn(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(link.toString()).contains("id=\"link-policy\"");
		assertThat(mvc
			.perform(post("/admin/sso-links/{id}/remove", link).with(csrf())
				.with(org.cpr.support.TestUsers.signedIn(admin)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/admin/sso-links?removed");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SSO_UNLINKED' AND subject_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		nextSignIn("subj-second-" + UUID.randomUUID(), claims(email, true));
		assertThat(signOn(new MockHttpSession())).as("the new account links once the old link is gone")
			.endsWith("/home");
	}

	@Test
	void signingOutEndsTheSessionAtTheProviderToo() throws Exception {
		providerUp();
		String email = email();
		person(email, true, Role.PARTICIPANT);
		nextSignIn("subj-" + UUID.randomUUID(), claims(email, true));
		MockHttpSession session = new MockHttpSession();
		assertThat(signOn(session)).endsWith("/home");
		String out = mvc.perform(post("/logout").session(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(out).startsWith(ISSUER + "/endsession?id_token_hint=");
		assertThat(atProvider(out).toString()).as("the provider sends the browser back to the sign-in page")
			.endsWith("/login?logout");
	}

	@Test
	void aRegistrationThatIsNotConfiguredLeadsBackToTheSignInPage() throws Exception {
		assertThat(mvc.perform(get("/oauth2/authorization/university")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?error=sso-unavailable");
	}

}
