package org.cpr.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.cpr.identity.SignInLinks;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single-use, expiring sign-in links: one press of the button signs in and lands on the
 * target; the second is refused with a page that says why; a person already signed in
 * goes straight through without spending the link; the token is stored only as a hash and
 * appears in no log; issue, use and refusal are audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInLinkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInLinks links;

	@Autowired
	Clock clock;

	@Test
	void aLinkSignsInOnceAndIsThenRefused(CapturedOutput output) throws Exception {
		PersonId person = TestPeople.create(jdbc, "{bcrypt}not-used");
		String path = links.issue(person, "/surveys", clock.instant().plus(Duration.ofDays(7)), "survey-invitation");
		String token = path.substring(path.indexOf("token=") + 6);

		// opening it (a mail scanner, a link preview) does not spend it
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("Continue")));
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("Continue")));

		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login/link").param("token", token).session(session).with(csrf()))
			.andExpect(redirectedUrl("/surveys"));
		mvc.perform(get("/home").session(session)).andExpect(status().isOk());

		mvc.perform(post("/login/link").param("token", token).with(csrf()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("already been used")));
		mvc.perform(get(path)).andExpect(status().isGone());

		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_link WHERE token_hash = :t OR target LIKE :like")
			.param("t", token)
			.param("like", "%" + token + "%")
			.query(Long.class)
			.single()).as("the token itself is never stored").isZero();
		await().untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT action || ':' || outcome FROM audit_log WHERE subject_id = :p AND record_type = 'sign_in_link'")
			.param("p", person.value())
			.query(String.class)
			.list())
			.contains("SIGN_IN_LINK_ISSUED:SUCCESS", "SIGN_IN_LINK_USED:SUCCESS", "SIGN_IN_LINK_REFUSED:DENIED"));
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Autowired
	SignInLinkPurge purge;

	@Test
	void linksAreForgottenADayAfterTheyExpiredOrWereUsed() throws Exception {
		PersonId person = TestPeople.create(jdbc, "{bcrypt}not-used");
		links.issue(person, "/surveys", clock.instant().minus(Duration.ofDays(2)), "survey-invitation");
		links.issue(person, "/surveys", clock.instant().minus(Duration.ofHours(2)), "survey-invitation");
		String used = links.issue(person, "/home", clock.instant().plus(Duration.ofDays(7)), "survey-invitation");
		links.issue(person, "/surveys", clock.instant().plus(Duration.ofDays(7)), "survey-invitation");
		mvc.perform(post("/login/link").param("token", used.substring(used.indexOf("token=") + 6)).with(csrf()))
			.andExpect(redirectedUrl("/home"));
		jdbc.sql("UPDATE sign_in_link SET used_at = :at WHERE person_id = :p AND used_at IS NOT NULL")
			.param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(2))))
			.param("p", person.value())
			.update();

		purge.purge();

		assertThat(jdbc.sql("SELECT target FROM sign_in_link WHERE person_id = :p ORDER BY expires_at")
			.param("p", person.value())
			.query(String.class)
			.list()).as("the link that expired two hours ago and the unused valid one stay")
			.containsExactly("/surveys", "/surveys");
	}

	@Test
	void anExpiredOrUnknownLinkGetsAPageSayingSo() throws Exception {
		PersonId person = TestPeople.create(jdbc, "{bcrypt}not-used");
		String path = links.issue(person, "/surveys", clock.instant().minusSeconds(1), "survey-invitation");
		String token = path.substring(path.indexOf("token=") + 6);

		mvc.perform(get(path)).andExpect(status().isGone()).andExpect(content().string(containsString("expired")));
		mvc.perform(post("/login/link").param("token", token).with(csrf()))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("expired")));
		mvc.perform(get("/login/link").param("token", "no-such-token"))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("not valid")));
		mvc.perform(get("/home")).andExpect(status().is3xxRedirection());
	}

	@Test
	void someoneAlreadySignedInAsTheHolderGoesStraightThroughWithoutSpendingTheLink() throws Exception {
		PersonId person = TestPeople.create(jdbc, "{bcrypt}not-used");
		String first = links.issue(person, "/home", clock.instant().plus(Duration.ofDays(1)), "survey-invitation");
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login/link").param("token", first.substring(first.indexOf("token=") + 6))
			.session(session)
			.with(csrf())).andExpect(redirectedUrl("/home"));

		String second = links.issue(person, "/surveys", clock.instant().plus(Duration.ofDays(1)), "survey-invitation");
		mvc.perform(get(second).session(session)).andExpect(redirectedUrl("/surveys"));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_link WHERE person_id = :p AND used_at IS NULL")
			.param("p", person.value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAccountWithTwoStepSignInMustUseItsPassword() throws Exception {
		UUID clinician = jdbc.sql("SELECT id FROM person WHERE username = 'clinician'").query(UUID.class).single();
		String path = links.issue(new PersonId(clinician), "/home", clock.instant().plus(Duration.ofDays(1)),
				"survey-invitation");

		mvc.perform(get(path)).andExpect(status().isGone()).andExpect(content().string(containsString("password")));
		mvc.perform(post("/login/link").param("token", path.substring(path.indexOf("token=") + 6)).with(csrf()))
			.andExpect(status().isGone());
	}

	/**
	 * Guessing tokens from one address is cut off after 20 attempts (the shared, database
	 * limiter of password sign-ins, in a bucket of its own): even a valid link is then
	 * refused for that address, while another address and password sign-in from the same
	 * address still work.
	 */
	@Test
	void guessingLinksFromOneAddressIsThrottled() throws Exception {
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/login/link").param("token", "guess-" + i).with(csrf()).with(r -> {
				r.setRemoteAddr("198.51.100.61");
				return r;
			})).andExpect(status().isGone());
		}
		PersonId person = TestPeople.create(jdbc, "{bcrypt}not-used");
		String path = links.issue(person, "/surveys", clock.instant().plus(Duration.ofDays(1)), "survey-invitation");
		String token = path.substring(path.indexOf("token=") + 6);
		mvc.perform(get(path).with(r -> {
			r.setRemoteAddr("198.51.100.61");
			return r;
		})).andExpect(redirectedUrl("/login?error=throttled"));
		mvc.perform(post("/login/link").param("token", token).with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100.61");
			return r;
		})).andExpect(redirectedUrl("/login?error=throttled"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_link WHERE person_id = :p AND used_at IS NULL")
			.param("p", person.value())
			.query(Long.class)
			.single()).as("the throttled press did not spend the link").isEqualTo(1);

		mvc.perform(post("/login/link").param("token", token).with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100.62");
			return r;
		})).andExpect(redirectedUrl("/surveys"));
		mvc.perform(post("/login").param("username", "resident")
			.param("password", "demo-resilience-2026")
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr("198.51.100.61");
				return r;
			})).andExpect(redirectedUrl("/home"));
	}

}
