package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.safety.CheckinFixtures.checkin;
import static org.cpr.safety.CheckinFixtures.handle;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.safety.checkin.CheckinService;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CheckinWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinService checkins;

	@Test
	void theCheckinPageRendersTheFourScreensWithTheCrisisPanelReady() throws Exception {
		mvc.perform(get("/checkin"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"phq9_9\"")))
			.andExpect(content().string(containsString("name=\"gad7_7\"")))
			.andExpect(content().string(containsString("name=\"pcptsd5_exposure\"")))
			.andExpect(content().string(containsString("name=\"burnout_1\"")))
			.andExpect(content().string(containsString("data-critical=\"true\"")))
			.andExpect(content().string(containsString("id=\"crisis-panel\"")));
	}

	@Test
	void aCriticalCheckinIsReceivedAndBecomesATier1AlertWithoutIdentity() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 1, 2, 1, false, 3))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your check-in was received")))
			.andExpect(content().string(containsString("988")));
		UUID submission = submissionOf(handle);
		eventually(() -> jdbc
			.sql("SELECT COUNT(*) FROM safety_alert a JOIN checkin_submission s ON s.alert_id = a.id WHERE s.id = ?")
			.param(submission)
			.query(Integer.class)
			.single());
		Map<String, Object> alert = jdbc.sql("""
				SELECT a.tier, a.person_id, a.source_type, a.reasons FROM safety_alert a
				JOIN checkin_submission s ON s.alert_id = a.id
				JOIN checkin_account c ON c.id = s.account_id AND c.id = a.checkin_handle_id WHERE s.id = ?""")
			.param(submission)
			.query()
			.singleRow();
		assertThat(alert.get("reasons").toString()).contains("PHQ9_ITEM9");
		assertThat(alert.get("tier")).isEqualTo("TIER_1");
		assertThat(alert.get("person_id")).isNull();
		assertThat(alert.get("source_type")).isEqualTo("checkin");
		String stored = String.join("\n",
				jdbc.sql("SCRIPT TABLE checkin_account, checkin_submission").query(String.class).list());
		assertThat(stored).as("the handle is stored only as a hash").doesNotContain(handle);
	}

	@Test
	void moralDistressIsOptionalGivesNextStepsAndNeverRaisesTheTier() throws Exception {
		mvc.perform(get("/checkin"))
			.andExpect(content().string(containsString("name=\"moraldistress_1\"")))
			.andExpect(content().string(containsString("id=\"optional-moraldistress\"")));
		// left blank: received, no moral distress steps, nothing stored for it
		String blank = handle();
		mvc.perform(checkin(blank, 0, 0, 0, false, 1))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your check-in was received")))
			.andExpect(content().string(not(containsString("id=\"moral-distress-steps\""))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_submission WHERE id = ? AND moral_distress IS NULL")
			.param(submissionOf(blank))
			.query(Integer.class)
			.single()).isEqualTo(1);
		// "distressing" (6): next steps with the directory, a reason for the counselor,
		// and the tier the safety screens give (3)
		String distressed = handle();
		mvc.perform(checkin(distressed, 0, 0, 0, false, 1).param("moraldistress_1", "6"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"moral-distress-steps\"")))
			.andExpect(content().string(containsString("/directory?q=moral%20distress")));
		UUID submission = submissionOf(distressed);
		assertThat(
				jdbc.sql("SELECT tier || ' ' || reasons || ' ' || moral_distress FROM checkin_submission WHERE id = ?")
					.param(submission)
					.query(String.class)
					.single())
			.isEqualTo("TIER_3 CHECKIN,MORAL_DISTRESS 6");
		// out of range: marked like any other answer
		mvc.perform(checkin(handle(), 0, 0, 0, false, 1).param("moraldistress_1", "11"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some answers need attention")));
	}

	@Test
	void missingAnswersAreMarkedAndWhatWasTypedIsKept() throws Exception {
		String handle = handle();
		mvc.perform(post("/checkin").with(csrf())
			.param("handle", handle)
			.param("passphrase", "short")
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("phq9_1", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some answers need attention")))
			.andExpect(content().string(containsString("Use a passphrase of 15 to 128 characters")))
			.andExpect(content().string(containsString("value=\"" + handle + "\"")))
			.andExpect(content().string(containsString("id=\"err-phq9_2\"")))
			.andExpect(content().string(containsString("value=\"2\" id=\"phq9_1_2\" checked")));
	}

	@Test
	void outOfRangeAnswersAreRejectedAndClientTotalsIgnored() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 0, 4, 0, false, 1).param("phq9_total", "0").param("tier", "TIER_3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some answers need attention")));
		mvc.perform(post("/checkin").with(csrf())
			.param("handle", handle)
			.param("passphrase", CheckinFixtures.PASSPHRASE)
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("phq9_1", "3.5")
			.param("burnout_1", "9"))
			.andExpect(content().string(containsString("id=\"err-phq9_1\"")))
			.andExpect(content().string(containsString("id=\"err-burnout_1\"")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_account WHERE handle_hash = ?")
			.param(hash(handle))
			.query(Integer.class)
			.single()).as("nothing stored").isZero();
	}

	@Test
	void choosingAHandleAColleagueUsesRevealsNothing() throws Exception {
		String colleagues = handle();
		mvc.perform(checkin(colleagues, 2, 0, 0, false, 1)).andExpect(status().isOk());
		String fresh = mvc
			.perform(checkin(handle(), "my own passphrase, long enough", UUID.randomUUID().toString(), "", 0, 0, 0,
					false, 1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String guessed = mvc
			.perform(checkin(colleagues, "my own passphrase, long enough", UUID.randomUUID().toString(), "", 0, 0, 0,
					false, 1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(guessed).as("the same answer as for a handle nobody uses")
			.contains("Your check-in was received")
			.doesNotContain("taken")
			.doesNotContain("field-error");
		assertThat(fresh).contains("Your check-in was received");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_account WHERE handle_hash = ?")
			.param(hash(colleagues))
			.query(Integer.class)
			.single()).as("two accounts, one handle").isEqualTo(2);
		// each passphrase opens only its own thread
		String mine = mvc
			.perform(post("/checkin/return").with(csrf())
				.param("handle", colleagues)
				.param("passphrase", "my own passphrase, long enough"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String theirs = mvc
			.perform(post("/checkin/return").with(csrf())
				.param("handle", colleagues)
				.param("passphrase", CheckinFixtures.PASSPHRASE))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(CheckinFixtures.tokenIn(mine)).isNotEqualTo(CheckinFixtures.tokenIn(theirs));
	}

	@Test
	void anAccountFromBeforeTheKeyedHashSignsInAndIsRekeyed() throws Exception {
		String handle = handle();
		UUID id = UUID.randomUUID();
		String legacy = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(("checkin-handle:" + handle).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		jdbc.sql("""
				INSERT INTO checkin_account (id, handle_hash, passphrase_hash, created_on, last_active_on)
				VALUES (?, ?, ?, CURRENT_DATE, CURRENT_DATE)""")
			.params(id, legacy,
					org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
						.encode(CheckinFixtures.PASSPHRASE))
			.update();
		assertThat(CheckinFixtures.signIn(mvc, handle)).isNotBlank();
		assertThat(
				jdbc.sql("SELECT handle_hash FROM checkin_account WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(hash(handle))
			.isNotEqualTo(legacy);
	}

	@Test
	void aPassphraseHashedWithTheOldArgon2SettingsIsRehashedAtOwaspStrengthOnItsNextSignIn() throws Exception {
		String handle = handle();
		UUID id = UUID.randomUUID();
		String old = org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
			.encode(CheckinFixtures.PASSPHRASE);
		jdbc.sql("INSERT INTO checkin_account (id, handle_hash, passphrase_hash, created_on, last_active_on)"
				+ " VALUES (?, ?, ?, CURRENT_DATE - 3, CURRENT_DATE - 3)")
			.params(id, hash(handle), old)
			.update();

		mvc.perform(post("/checkin/return").with(csrf()).param("handle", handle).param("passphrase", "not it at all"))
			.andExpect(content().string(containsString("do not match")));
		assertThat(passphraseHash(id)).as("a failed sign-in changes nothing").isEqualTo(old);

		assertThat(CheckinFixtures.signIn(mvc, handle)).isNotBlank();
		String fresh = passphraseHash(id);
		assertThat(fresh).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
		assertThat(jdbc.sql("SELECT last_active_on = CURRENT_DATE FROM checkin_account WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		// the fresh hash signs in, and is kept: there is nothing weaker to replace
		assertThat(CheckinFixtures.signIn(mvc, handle)).isNotBlank();
		assertThat(passphraseHash(id)).isEqualTo(fresh);
	}

	@Test
	void aNewCheckinAccountsPassphraseIsHashedAtOwaspStrength() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 1, 0, 1, false, 2)).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT passphrase_hash FROM checkin_account WHERE handle_hash = ?")
			.param(hash(handle))
			.query(String.class)
			.single()).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
	}

	private String passphraseHash(UUID account) {
		return jdbc.sql("SELECT passphrase_hash FROM checkin_account WHERE id = ?")
			.param(account)
			.query(String.class)
			.single();
	}

	@Test
	void theSameSubmissionSentTwiceIsStoredOnce() throws Exception {
		String handle = handle();
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			mvc.perform(checkin(handle, CheckinFixtures.PASSPHRASE, key, "", 1, 0, 1, false, 2))
				.andExpect(content().string(containsString("Your check-in was received")));
		}
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM checkin_submission s JOIN checkin_account a ON a.id = s.account_id "
					+ "WHERE a.handle_hash = ?")
			.param(hash(handle))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void clinicianRepliesAndOnlyThatParticipantReadsIt() throws Exception {
		String alice = handle();
		String bob = handle();
		mvc.perform(checkin(alice, 2, 1, 2, true, 4)).andExpect(status().isOk());
		mvc.perform(checkin(bob, 0, 0, 0, false, 1)).andExpect(status().isOk());
		UUID aliceSubmission = submissionOf(alice);
		CprUser clinician = as(Role.RESILIENCE_CLINICIAN);
		mvc.perform(get("/clinician/checkins/" + aliceSubmission).with(signedIn(clinician)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("service window: 24–48 business hours")));
		mvc.perform(post("/clinician/checkins/" + aliceSubmission + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", "Thank you for checking in, Alice-canary.")).andExpect(status().is3xxRedirection());

		String aliceToken = CheckinFixtures.signIn(mvc, alice);
		mvc.perform(post("/checkin/thread").with(csrf()).param("token", aliceToken).param("body", ""))
			.andExpect(content().string(containsString("Alice-canary")));
		String bobToken = CheckinFixtures.signIn(mvc, bob);
		mvc.perform(post("/checkin/thread").with(csrf()).param("token", bobToken).param("body", ""))
			.andExpect(content().string(not(containsString("Alice-canary"))));
		mvc.perform(post("/checkin/thread").with(csrf())
			.param("token", aliceToken.substring(0, aliceToken.length() - 4) + "AAAA"))
			.andExpect(content().string(not(containsString("Alice-canary"))))
			.andExpect(content().string(containsString("enter your handle and passphrase again")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECKIN_VIEWED' AND record_id = ?")
			.param(aliceSubmission.toString())
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void participantRevealsThemselvesAndTheClinicianSeesTheRequest() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 1, 0, 1, false, 3)).andExpect(status().isOk());
		String token = CheckinFixtures.signIn(mvc, handle);
		mvc.perform(post("/checkin/reveal").with(csrf()).param("token", token).param("name", "").param("contact", ""))
			.andExpect(content().string(containsString("Give the name the counselor should use")));
		mvc.perform(post("/checkin/reveal").with(csrf())
			.param("token", token)
			.param("name", "Robin Canary")
			.param("contact", "555-0199")).andExpect(content().string(containsString("A counselor will contact you")));
		mvc.perform(get("/clinician/checkins/" + submissionOf(handle)).with(signedIn(as(Role.RESILIENCE_CLINICIAN))))
			.andExpect(content().string(containsString("Robin Canary")));
		eventually(() -> jdbc.sql(
				"SELECT COUNT(*) FROM safety_alert WHERE source_type = 'checkin-reveal' AND reasons = 'CONTACT_REQUESTED'")
			.query(Integer.class)
			.single());
		assertThat(String.join("\n", jdbc.sql("SCRIPT TABLE checkin_reveal").query(String.class).list()))
			.as("sealed at rest")
			.doesNotContain("Robin Canary");
	}

	@Test
	void aSignedInParticipantCanRevealWithTheirCampusIdentity() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 1, 0, 1, false, 3)).andExpect(status().isOk());
		mvc.perform(get("/checkin-identify")).andExpect(status().is3xxRedirection());
		CprUser resident = as(Role.PARTICIPANT);
		mvc.perform(post("/checkin-identify").with(signedIn(resident))
			.with(csrf())
			.param("handle", handle)
			.param("passphrase", "not the passphrase at all")
			.param("contact", "")).andExpect(content().string(containsString("do not match a check-in")));
		mvc.perform(post("/checkin-identify").with(signedIn(resident))
			.with(csrf())
			.param("handle", handle)
			.param("passphrase", CheckinFixtures.PASSPHRASE)
			.param("contact", "pager 4411"))
			.andExpect(content().string(containsString("A counselor will contact you")));
		mvc.perform(get("/clinician/checkins/" + submissionOf(handle)).with(signedIn(as(Role.RESILIENCE_CLINICIAN))))
			.andExpect(content().string(containsString(resident.displayName())))
			.andExpect(content().string(containsString("(signed-in identity)")));
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_pending WHERE action = 'CHECKIN_REVEAL_REQUESTED' AND actor_id = ?")
			.param(resident.personId().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		eventually(() -> jdbc
			.sql("SELECT COUNT(*) FROM safety_alert WHERE source_type = 'checkin-reveal' AND person_id = ?")
			.param(resident.personId().value())
			.query(Integer.class)
			.single());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE source_type = 'checkin-reveal' AND person_id = ?")
			.param(resident.personId().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void wrongPassphrasesAreThrottledPerHandle() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 0, 0, 0, false, 1)).andExpect(status().isOk());
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/checkin/return").with(csrf())
				.param("handle", handle)
				.param("passphrase", "wrong passphrase " + i));
		}
		mvc.perform(post("/checkin/return").with(csrf())
			.param("handle", handle)
			.param("passphrase", CheckinFixtures.PASSPHRASE))
			.andExpect(content().string(containsString("Too many attempts")));
	}

	@Test
	void deletingTheCheckinRemovesEverythingOfIt() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, CheckinFixtures.PASSPHRASE, UUID.randomUUID().toString(), "someone@example.org", 1,
				0, 1, false, 3))
			.andExpect(status().isOk());
		UUID submission = submissionOf(handle);
		String token = CheckinFixtures.signIn(mvc, handle);
		mvc.perform(post("/checkin/thread").with(csrf()).param("token", token).param("body", "hello"));
		mvc.perform(post("/checkin/delete").with(csrf()).param("token", token))
			.andExpect(content().string(containsString("were deleted")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_submission WHERE id = ?")
			.param(submission)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM checkin_message m WHERE NOT EXISTS (SELECT 1 FROM checkin_account a WHERE a.id = m.account_id)")
			.query(Integer.class)
			.single()).isZero();
	}

	UUID submissionOf(String handle) {
		return jdbc.sql(
				"SELECT s.id FROM checkin_submission s JOIN checkin_account a ON a.id = s.account_id WHERE a.handle_hash = ?")
			.param(hash(handle))
			.query(UUID.class)
			.single();
	}

	/**
	 * Alerts are raised after the commit, asynchronously: wait up to 10 seconds for one.
	 */
	static void eventually(java.util.function.Supplier<Integer> count) {
		await("raised within 10 seconds").atMost(java.time.Duration.ofSeconds(10)).until(() -> count.get() > 0);
	}

	/**
	 * The stored handle hash: HMAC-SHA256 keyed (HKDF) from the test profile's
	 * cpr.crypto.key.
	 */
	static String hash(String handle) {
		try {
			byte[] key = com.google.crypto.tink.subtle.Hkdf.computeHkdf("HMACSHA256",
					java.util.Base64.getDecoder().decode("dGVzdC1rZXktZm9yLWNwci1wbGF0Zm9ybS10ZXN0czA="),
					"cpr-checkin".getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"checkin-handle-v2".getBytes(java.nio.charset.StandardCharsets.UTF_8), 32);
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
			return java.util.HexFormat.of()
				.formatHex(mac.doFinal(
						("checkin-handle:" + handle.toLowerCase()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
