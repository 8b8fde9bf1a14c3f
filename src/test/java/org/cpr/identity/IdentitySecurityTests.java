package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class IdentitySecurityTests {

	static final String PASSWORD = "demo-resilience-2026";

	@Autowired
	MockMvc mvc;

	MockHttpSession signIn(String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session)
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(IdentitySecurityTests::freshClient)).andExpect(redirectedUrl("/home"));
		return session;
	}

	@Test
	void tenFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/login").param("username", "noah.cohen4")
				.param("password", "wrong-" + i)
				.with(csrf())
				.with(r -> {
					r.setRemoteAddr("192.0.2.10");
					return r;
				})).andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(post("/login").param("username", "noah.cohen4").param("password", PASSWORD).with(csrf()).with(r -> {
			r.setRemoteAddr("192.0.2.11");
			return r;
		})).andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(get("/login").param("error", "locked"))
			.andExpect(content().string(containsString("locked for 15 minutes")));
	}

	@Test
	void oneClientIsThrottledAfterTwentyAttemptsWithoutTheirPasswordsBeingTried() throws Exception {
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/login").param("username", "someone-" + i).param("password", "x").with(csrf()).with(r -> {
				r.setRemoteAddr("198.51.100.7");
				return r;
			})).andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(post("/login").param("username", "resident").param("password", PASSWORD).with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100.7");
			return r;
		})).andExpect(redirectedUrl("/login?error=throttled"));
		mvc.perform(post("/login").param("username", "resident").param("password", PASSWORD).with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100.8");
			return r;
		})).andExpect(redirectedUrl("/home"));
	}

	@Test
	void clinicianEnrolsTotpBeforeReachingAnyPageAndThenNeedsItAtEverySignIn() throws Exception {
		MockHttpSession session = signIn("clinician", PASSWORD);
		mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/mfa/enrol"));
		mvc.perform(get("/clinician/alerts").session(session)).andExpect(redirectedUrl("/mfa/enrol"));
		String page = mvc.perform(get("/mfa/enrol").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = match(page, "id=\"totp-secret\">([A-Z2-7]+)<");
		assertThat(page).contains("id=\"totp-qr\"").contains("data:image/png;base64,");

		mvc.perform(post("/mfa/enrol").session(session).param("code", "000000").with(csrf()))
			.andExpect(content().string(containsString("That code is not right")));
		mvc.perform(post("/mfa/enrol").session(session).param("code", code(secret)).with(csrf()))
			.andExpect(redirectedUrl("/mfa/recovery-codes"));
		String codesPage = mvc.perform(get("/mfa/recovery-codes").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> recovery = all(codesPage, "class=\"recovery-code\">([^<]+)<");
		assertThat(recovery).hasSize(10);
		mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		mvc.perform(get("/mfa/recovery-codes").session(session))
			.andExpect(content().string(containsString("shown only once")));

		MockHttpSession next = signIn("clinician", PASSWORD);
		mvc.perform(get("/home").session(next)).andExpect(redirectedUrl("/mfa/verify"));
		mvc.perform(post("/mfa/verify").session(next).param("code", recovery.get(0)).with(csrf()))
			.andExpect(redirectedUrl("/home"));
		MockHttpSession third = signIn("clinician", PASSWORD);
		mvc.perform(post("/mfa/verify").session(third).param("code", recovery.get(0)).with(csrf()))
			.andExpect(content().string(containsString("That code is not right")));
		// the code of the current step was used at enrolment and is refused now; the next
		// step's code is accepted once
		mvc.perform(post("/mfa/verify").session(third).param("code", nextCode(secret)).with(csrf()))
			.andExpect(redirectedUrl("/home"));
	}

	@Test
	void participantsAreNotAskedForASecondFactor() throws Exception {
		mvc.perform(get("/home").session(signIn("resident", PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void tokensAreShownOnceWorkForTheApiAndStopWorkingWhenRevoked() throws Exception {
		MockHttpSession session = signIn("aisha.okoye3", PASSWORD);
		String page = mvc.perform(
				post("/account/tokens").session(session).param("name", "my script").param("days", "30").with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = match(page, "id=\"new-token\">(cpr_[A-Za-z0-9_-]+)<");
		assertThat(mvc.perform(get("/account/tokens").session(session)).andReturn().getResponse().getContentAsString())
			.contains(">never<");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("PARTICIPANT"));
		// the last use is recorded asynchronously
		String list = await("last use shows on the token page").atMost(Duration.ofSeconds(15))
			.until(() -> mvc.perform(get("/account/tokens").session(session))
				.andReturn()
				.getResponse()
				.getContentAsString(), tokens -> !tokens.contains(">never<"));
		assertThat(list).as("last use shows on the token page")
			.contains("my script")
			.doesNotContain(">never<")
			.contains(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
			.doesNotContain(token);
		String id = match(list, "/account/tokens/([0-9a-f-]{36})/revoke");
		mvc.perform(post("/account/tokens/" + id + "/revoke").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(post("/account/tokens").session(session).param("name", "").param("days", "900").with(csrf()))
			.andExpect(content().string(containsString("Give the token a name")))
			.andExpect(content().string(containsString("between 1 and 365 days")));
	}

	@Test
	void demoTokenIdentifiesItsOwner() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer cpr_demo_program_director_2b9f6a0d4c8e1735"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("Dr. Casey Nguyen"))
			.andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.hasItem("PROGRAM_DIRECTOR")));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer cpr_not_a_token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void passwordChangeExplainsEveryProblemAndThenWorks() throws Exception {
		MockHttpSession session = signIn("mateo.silva2", PASSWORD);
		mvc.perform(post("/account/password").session(session)
			.param("current", "nope")
			.param("replacement", "Password1!")
			.param("confirmation", "Password1?")
			.with(csrf()))
			.andExpect(content().string(containsString("Your current password is not right")))
			.andExpect(content().string(containsString("list of common or leaked passwords")))
			.andExpect(content().string(containsString("The two new passwords are not the same")));
		String passphrase = "lanterns over the quiet harbour at dawn";
		mvc.perform(post("/account/password").session(session)
			.param("current", PASSWORD)
			.param("replacement", passphrase)
			.param("confirmation", passphrase)
			.with(csrf())).andExpect(content().string(containsString("Your password was changed")));
		signIn("mateo.silva2", passphrase);
	}

	private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * Each sign-in from its own address, so the per-client throttle of other tests does
	 * not interfere.
	 */
	static org.springframework.mock.web.MockHttpServletRequest freshClient(
			org.springframework.mock.web.MockHttpServletRequest r) {
		r.setRemoteAddr("203.0.113." + (CLIENTS.incrementAndGet() % 250 + 1));
		return r;
	}

	static String nextCode(String secret) throws Exception {
		return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30 + 1);
	}

	static String code(String secret) throws Exception {
		return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
	}

	static String match(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as("page contains " + regex).isTrue();
		return m.group(1);
	}

	static List<String> all(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
