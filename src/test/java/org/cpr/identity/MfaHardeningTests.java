package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * I-25 against an attacker who has the password: guesses are limited per account whatever
 * the session, every wrong code is audited (without the code), a code is accepted once,
 * and an access token issued before enrolment does not get around the second factor.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MfaHardeningTests {

	static final String PASSWORD = "demo-resilience-2026";
	static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * A fresh person holding {@code role}, copied from the demo login with that role, so
	 * tests do not share state.
	 */
	String personLike(String demoLogin) {
		String username = demoLogin + "-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = UUID.randomUUID();
		jdbc.update(
				"INSERT INTO person (id, username, email, display_name, trainee_type, password_hash, active, created_at)"
						+ " SELECT ?, ?, ?, display_name, trainee_type, password_hash, TRUE, created_at FROM person WHERE username = ?",
				id, username, username + "@example.org", demoLogin);
		jdbc.update("INSERT INTO role_grant (id, person_id, role, org_unit_id, granted_at)"
				+ " SELECT RANDOM_UUID(), ?, role, org_unit_id, granted_at FROM role_grant g JOIN person p ON p.id = g.person_id WHERE p.username = ?",
				id, demoLogin);
		return username;
	}

	MockHttpSession signIn(String username) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session)
			.param("username", username)
			.param("password", PASSWORD)
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr("192.0.2." + (CLIENTS.incrementAndGet() % 250 + 1));
				return r;
			}));
		return session;
	}

	/** Enrols through the pages; returns the TOTP secret. */
	String enrol(String username) throws Exception {
		MockHttpSession session = signIn(username);
		String page = mvc.perform(get("/mfa/enrol").session(session)).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
		assertThat(m.find()).isTrue();
		String secret = m.group(1);
		assertThat(mvc.perform(post("/mfa/enrol").session(session).param("code", code(secret, 0)).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/mfa/recovery-codes");
		return secret;
	}

	static String code(String secret, int stepsAhead) throws Exception {
		return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30 + stepsAhead);
	}

	MockHttpServletResponse verify(MockHttpSession session, String code) throws Exception {
		return mvc.perform(post("/mfa/verify").session(session).param("code", code).with(csrf()))
			.andReturn()
			.getResponse();
	}

	@Test
	void aCodeIsAcceptedOnceInItsWindow() throws Exception {
		String user = personLike("clinician");
		String secret = enrol(user);
		String next = code(secret, 1);
		assertThat(verify(signIn(user), next).getRedirectedUrl()).isEqualTo("/home");

		MockHttpServletResponse replay = verify(signIn(user), next);
		assertThat(replay.getRedirectedUrl()).isNull();
		assertThat(replay.getStatus()).isEqualTo(422);
		assertThat(replay.getContentAsString()).contains("That code was already used");
		assertThat(verify(signIn(user), code(secret, 0)).getRedirectedUrl()).as("an older step after a newer one")
			.isNull();
		assertThat(audit(user, "MFA_CODE_REPLAYED")).hasSize(2);
	}

	@Test
	void wrongCodesAreLimitedPerAccountAcrossSessionsAndAudited() throws Exception {
		String user = personLike("privacy");
		String secret = enrol(user);
		for (int i = 0; i < 5; i++) {
			// a new session (and client address) for every guess: a per-session limit
			// would never trigger
			MockHttpServletResponse wrong = verify(signIn(user), "00000" + i);
			assertThat(wrong.getContentAsString()).contains("That code is not right");
		}
		MockHttpServletResponse locked = verify(signIn(user), code(secret, 1));
		assertThat(locked.getRedirectedUrl()).as("even the right code is refused while locked").isNull();
		assertThat(locked.getStatus()).isEqualTo(429);
		assertThat(locked.getContentAsString()).contains("Too many wrong codes for this account");

		List<Map<String, Object>> failures = audit(user, "MFA_CODE_WRONG");
		assertThat(failures).hasSize(5).allSatisfy(row -> assertThat(row.get("outcome")).isEqualTo("FAILURE"));
		assertThat(audit(user, "MFA_LOCKED")).hasSize(1);
		assertThat(jdbc
			.queryForList("SELECT * FROM audit_log WHERE actor_id = (SELECT id FROM person WHERE username = ?)", user)
			.toString()).as("no code in the audit log").doesNotContain("000000").doesNotContain("000004");
	}

	@Test
	void tokensOfAnMfaRoleWorkOnlyAfterEnrolment() throws Exception {
		// the seeded system administrator has not enrolled (other tests may enrol the
		// demo clinician)
		MockHttpServletResponse refused = mvc
			.perform(get("/api/v1/me").header("Authorization", "Bearer cpr_demo_system_admin_8a1d4f6c2e9b0573"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(401);
		assertThat(refused.getContentAsString()).contains("two-step sign-in");
		assertThat(
				mvc.perform(get("/api/v1/me").header("Authorization", "Bearer cpr_demo_participant_4f7d2c9a1b6e8035"))
					.andReturn()
					.getResponse()
					.getStatus())
			.as("roles without MFA keep their tokens")
			.isEqualTo(200);

		String user = personLike("sysadmin");
		UUID person = jdbc.queryForObject("SELECT id FROM person WHERE username = ?", UUID.class, user);
		String token = "cpr_test_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.update(
				"INSERT INTO access_token (id, person_id, name, token_hash, token_prefix, created_at, expires_at)"
						+ " VALUES (?, ?, 'script', ?, 'cpr_test', ?, ?)",
				UUID.randomUUID(), person, sha256(token), java.sql.Timestamp.from(java.time.Instant.now()),
				java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(86_400 * 30)));
		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		enrol(user);
		assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	static String sha256(String s) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	List<Map<String, Object>> audit(String username, String action) {
		return jdbc.queryForList(
				"SELECT * FROM audit_log WHERE action = ? AND actor_id = (SELECT id FROM person WHERE username = ?)",
				action, username);
	}

}
