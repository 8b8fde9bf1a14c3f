package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.Role;
import org.cpr.support.MailTest;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue #4: the clinician reaches the person who asked for contact. The alert page names
 * the person and their preferred channel and time in words; the reply is sealed and
 * audited; only the person gets an e-mail, which says nothing but "a message is waiting";
 * the person reads and answers signed in; nobody else (program directors included) can
 * read the thread.
 */
@MailTest
class SnapshotContactDialogueTests {

	/** Alerts and e-mails follow the commit asynchronously. */
	static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	PersonSummary residentPerson;

	CprUser resident;

	CprUser clinician = as(Role.RESILIENCE_CLINICIAN);

	@BeforeEach
	void demoResident() {
		residentPerson = identity.byUsername("resident").orElseThrow();
		resident = new CprUser(residentPerson.id(), "resident", null, residentPerson.displayName(),
				Set.of(new ScopedRole(Role.PARTICIPANT, residentPerson.program())), false, true);
	}

	UUID highRisk(CprUser who) throws Exception {
		return SnapshotWebTests.submissionId(new SnapshotDriver(mvc, who).takeAll("2", "2", "2"));
	}

	static UUID alertOf(UUID submission) {
		return new SafetyConcern("snapshot", submission.toString(), null, null, AlertTier.TIER_1, Set.of()).alertId();
	}

	UUID contactRequested() throws Exception {
		UUID id = highRisk(resident);
		mvc.perform(post("/snapshot/results/" + id + "/choice").with(signedIn(resident))
			.with(csrf())
			.param("choice", "CONTACT")
			.param("channel", "PHONE")
			.param("time", "MORNING"));
		await().atMost(WAIT)
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE id = ? AND person_id = ?")
				.params(alertOf(id), resident.personId().value())
				.query(Integer.class)
				.single() == 1);
		return id;
	}

	MvcResult perform(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn();
	}

	String page(CprUser who, String url) throws Exception {
		MvcResult r = perform(get(url).with(signedIn(who)));
		assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	int views(UUID alert) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM audit_log WHERE action = 'SAFETY_ALERT_VIEWED' AND record_id = ? AND actor_id = ? AND subject_id = ?")
			.params(alert.toString(), clinician.personId().value(), resident.personId().value())
			.query(Integer.class)
			.single();
	}

	@Test
	void theAlertPageShowsTheScoresThatRaisedItAndKeepsClinicalReasonsApartFromContactPreferences() throws Exception {
		UUID alert = alertOf(contactRequested());
		String page = page(clinician, "/clinician/alerts/" + alert);
		String scores = section(page, "id=\"alert-scores\"", "</table>");
		// PHQ-9: items 1–8 at 1 and item 9 at 2 → 10, the item-9 answer raised the alert
		assertThat(scores).containsPattern(
				"Patient Health Questionnaire-9 \\(PHQ-9\\)</th>\\s*<td>10</td>\\s*<td>moderate</td>\\s*<td><strong>Yes</strong>")
			.contains("WHO-5 Well-Being Index")
			.doesNotContain(".00<")
			.doesNotContain(">phq-9<");
		String clinical = section(page, "id=\"alert-reasons\"", "</ul>");
		String contact = section(page, "id=\"alert-contact-preferences\"", "</ul>");
		assertThat(clinical).contains("PHQ-9 item 9 above zero")
			.doesNotContain("Prefers a phone call")
			.doesNotContain("Asked to be contacted");
		assertThat(contact).contains("Asked to be contacted")
			.contains("Prefers a phone call")
			.contains("Prefers the morning")
			.doesNotContain("PHQ-9");
	}

	static String section(String page, String start, String end) {
		int from = page.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		return page.substring(from, page.indexOf(end, from));
	}

	@Test
	void theClinicianSeesWhoAndHowRepliesAndOnlyThePersonIsToldThatAMessageWaits() throws Exception {
		UUID submission = contactRequested();
		UUID alert = alertOf(submission);

		String alertPage = page(clinician, "/clinician/alerts/" + alert);
		assertThat(alertPage).contains("Alex Rivera")
			.contains(residentPerson.email())
			.contains("id=\"contact-channel\">Phone call<")
			.contains("id=\"contact-time\">Morning<")
			.contains("Prefers a phone call")
			.contains("Asked to be contacted")
			.contains("PHQ-9 item 9 above zero")
			.doesNotContain("??")
			.doesNotContain("CONTACT_BY_PHONE");
		assertThat(views(alert)).as("exactly one audit row naming the person per view").isEqualTo(1);

		MvcResult blank = perform(post("/clinician/alerts/" + alert + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", "  "));
		assertThat(blank.getResponse().getContentAsString()).contains("Write a message before sending.")
			.contains("aria-invalid=\"true\"");
		String tooLong = "Hello Alex, " + "x".repeat(4000);
		MvcResult longOne = perform(post("/clinician/alerts/" + alert + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", tooLong));
		assertThat(longOne.getResponse().getContentAsString()).contains("4000 characters or fewer").contains(tooLong);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_contact_message WHERE alert_id = ?")
			.param(alert)
			.query(Integer.class)
			.single()).isZero();

		String reply = "Hi Alex, this is the resilience team. Could I call you tomorrow at 9?";
		MvcResult sent = perform(post("/clinician/alerts/" + alert + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", reply));
		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT body_sealed FROM safety_contact_message WHERE alert_id = ?")
			.param(alert)
			.query(String.class)
			.single()).doesNotContain("resilience team").doesNotContain("Alex");
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM audit_log WHERE action = 'SAFETY_CONTACT_REPLIED' AND record_id = ? AND subject_id = ?")
			.params(alert.toString(), resident.personId().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(page(clinician, "/clinician/alerts/" + alert)).contains("Could I call you tomorrow at 9?");

		String director = identity.byUsername("director").orElseThrow().email();
		await().atMost(WAIT).until(() -> doorbells().length > 0);
		await("no second e-mail within half a second").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> doorbells().length == 1);
		MimeMessage[] doorbells = doorbells();
		assertThat(doorbells).hasSize(1);
		assertThat(Arrays.stream(doorbells[0].getRecipients(Message.RecipientType.TO)).map(Object::toString).toList())
			.containsExactly(residentPerson.email());
		assertThat(GreenMailUtil.getBody(doorbells[0])).contains("Sign in to read it")
			.doesNotContain("call you")
			.doesNotContain("PHQ");
		for (MimeMessage m : mail.getReceivedMessages()) {
			assertThat(Arrays.stream(m.getAllRecipients()).map(Object::toString).toList()).doesNotContain(director);
		}

		assertThat(page(resident, "/snapshot")).contains("Messages from the resilience team")
			.contains("Could I call you tomorrow at 9?");
		assertThat(page(resident, "/snapshot/results/" + submission)).contains("Messages from the resilience team")
			.contains("Could I call you tomorrow at 9?")
			.contains("answer-send");

		MvcResult noAnswer = perform(post("/snapshot/results/" + submission + "/messages").with(signedIn(resident))
			.with(csrf())
			.param("body", ""));
		assertThat(noAnswer.getResponse().getStatus()).isEqualTo(422);
		assertThat(noAnswer.getResponse().getContentAsString()).contains("Write your answer before sending.");
		String tooLongAnswer = "Yes please " + "y".repeat(4000);
		MvcResult longAnswer = perform(post("/snapshot/results/" + submission + "/messages").with(signedIn(resident))
			.with(csrf())
			.param("body", tooLongAnswer));
		assertThat(longAnswer.getResponse().getStatus()).isEqualTo(422);
		assertThat(longAnswer.getResponse().getContentAsString()).contains("4000 characters or fewer")
			.contains(tooLongAnswer);

		for (String answer : List.of("Yes, 9 works for me.", "Actually 10 would be even better.")) {
			MvcResult ok = perform(post("/snapshot/results/" + submission + "/messages").with(signedIn(resident))
				.with(csrf())
				.param("body", answer));
			assertThat(ok.getResponse().getStatus()).isEqualTo(302);
		}
		assertThat(page(clinician, "/clinician/alerts/" + alert)).contains("Yes, 9 works for me.")
			.contains("Actually 10 would be even better.");
		assertThat(page(resident, "/snapshot")).contains("Actually 10 would be even better.");
	}

	MimeMessage[] doorbells() {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return "You have a message from the resilience program".equals(m.getSubject());
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toArray(MimeMessage[]::new);
	}

	@Test
	void aPseudonymousAlertShowsNoIdentityAndCannotBeWrittenTo() throws Exception {
		CprUser someone = as(Role.PARTICIPANT);
		UUID submission = highRisk(someone);
		UUID alert = alertOf(submission);
		await().atMost(WAIT)
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE id = ?")
				.param(alert)
				.query(Integer.class)
				.single() == 1);
		assertThat(page(clinician, "/clinician/alerts/" + alert)).contains("Pseudonymous review")
			.doesNotContain("contact-person")
			.doesNotContain("contact-send")
			.doesNotContain("??");
		assertThat(perform(post("/clinician/alerts/" + alert + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", "hello")).getResponse().getStatus()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_contact_message WHERE alert_id = ?")
			.param(alert)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyThePersonAndResilienceCliniciansReachTheThread() throws Exception {
		UUID submission = contactRequested();
		UUID alert = alertOf(submission);
		perform(post("/clinician/alerts/" + alert + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", "A private note for Alex"));

		for (Role role : Role.values()) {
			if (role == Role.RESILIENCE_CLINICIAN) {
				continue;
			}
			CprUser other = as(role);
			for (UUID id : List.of(alert, submission, UUID.randomUUID())) {
				assertThat(perform(get("/clinician/alerts/" + id).with(signedIn(other))).getResponse().getStatus())
					.as(role + " GET")
					.isEqualTo(403);
				assertThat(perform(post("/clinician/alerts/" + id + "/reply").with(signedIn(other))
					.with(csrf())
					.param("body", "hi")).getResponse().getStatus()).as(role + " reply").isEqualTo(403);
			}
			for (UUID id : List.of(submission, alert, UUID.randomUUID())) {
				MvcResult read = perform(get("/snapshot/results/" + id).with(signedIn(other)));
				assertThat(read.getResponse().getStatus()).as(role + " results").isIn(403, 404);
				assertThat(read.getResponse().getContentAsString()).doesNotContain("A private note for Alex");
				assertThat(perform(post("/snapshot/results/" + id + "/messages").with(signedIn(other))
					.with(csrf())
					.param("body", "me too")).getResponse().getStatus()).as(role + " answer").isIn(403, 404);
			}
			MvcResult landing = perform(get("/snapshot").with(signedIn(other)));
			assertThat(landing.getResponse().getContentAsString()).doesNotContain("A private note for Alex");
		}
		assertThat(perform(get("/clinician/alerts/" + UUID.randomUUID()).with(signedIn(clinician))).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(perform(post("/clinician/alerts/" + UUID.randomUUID() + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", "hi")).getResponse().getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_contact_message WHERE alert_id = ? AND author = 'PERSON'")
			.param(alert)
			.query(Integer.class)
			.single()).isZero();

		UUID quiet = SnapshotWebTests.submissionId(new SnapshotDriver(mvc, resident).takeAll("0", "0", "1"));
		assertThat(perform(post("/snapshot/results/" + quiet + "/messages").with(signedIn(resident))
			.with(csrf())
			.param("body", "hello?")).getResponse().getStatus()).as("no thread on that snapshot").isEqualTo(404);
	}

}
