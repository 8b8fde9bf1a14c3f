package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.safety.CheckinFixtures.checkin;
import static org.cpr.safety.CheckinFixtures.handle;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MailTest;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When the person answers back (contact thread of an alert, or the anonymous check-in
 * dialogue) the clinician who owns the alert gets one e-mail that says only that a reply
 * waits, with a link to the inbox; the inbox marks the item "New reply" and lists it
 * first in its tier until a clinician opens it.
 */
@MailTest
class ReplyWaitingTests {

	/** Alerts and e-mails follow the commit asynchronously. */
	static final Duration WAIT = Duration.ofSeconds(15);

	static final String SUBJECT = "A reply is waiting in your inbox";

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	SafetyAlerts alerts;

	@Autowired
	ContactMessages contact;

	PersonSummary resident;

	PersonSummary clinicianPerson;

	CprUser clinician;

	List<PersonId> ladderBefore;

	@BeforeEach
	void people() {
		resident = identity.byUsername("resident").orElseThrow();
		clinicianPerson = identity.byUsername("clinician").orElseThrow();
		clinician = new CprUser(clinicianPerson.id(), "clinician", null, clinicianPerson.displayName(),
				Set.of(new ScopedRole(Role.RESILIENCE_CLINICIAN, resident.program())), false, true);
		ladderBefore = alerts.onCallLadder();
		alerts.replaceOnCallLadder(List.of(clinicianPerson.id()));
	}

	/**
	 * The mail tests share one context: a rota left behind would mail the on-call
	 * clinician about the next class's alerts.
	 */
	@AfterEach
	void rotaAsItWas() {
		alerts.replaceOnCallLadder(ladderBefore);
	}

	@Test
	void thePersonsAnswerMailsTheOwnerOnceWithoutContentAndIsMarkedUntilOpened() throws Exception {
		UUID quiet = alerts.raise(new SafetyConcern("reply-test", UUID.randomUUID().toString(), resident.id(), null,
				AlertTier.TIER_2, Set.of("CONTACT_REQUESTED")));
		String source = UUID.randomUUID().toString();
		UUID answered = alerts.raise(new SafetyConcern("reply-test", source, resident.id(), null, AlertTier.TIER_2,
				Set.of("CONTACT_REQUESTED")));
		assertThat(mvc
			.perform(post("/clinician/alerts/" + answered + "/acknowledge").with(signedIn(clinician)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		mvc.perform(post("/clinician/alerts/" + answered + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", "Could we talk on Thursday?"));
		assertThat(inboxRow(answered)).doesNotContain("New reply");

		assertThat(contact.personAnswers("reply-test", source, resident.id(), "Thursday suits me, canary-7731"))
			.isTrue();
		assertThat(contact.personAnswers("reply-test", source, resident.id(), "Any time after noon")).isTrue();

		await().atMost(WAIT).until(() -> replyMails().length > 0);
		await("no second e-mail within half a second").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> replyMails().length == 1);
		MimeMessage[] mails = replyMails();
		assertThat(mails).as("one e-mail for the waiting reply, not one per message").hasSize(1);
		assertThat(GreenMailUtil.getAddressList(mails[0].getAllRecipients())).isEqualTo(clinicianPerson.email());
		String body = GreenMailUtil.getBody(mails[0]);
		assertThat(body).contains("A reply is waiting in your inbox")
			.contains("/clinician/alerts")
			.doesNotContain("canary-7731")
			.doesNotContain("noon")
			.doesNotContain(resident.displayName())
			.doesNotContain(resident.email())
			.doesNotContain(answered.toString());

		String inbox = page("/clinician/alerts");
		assertThat(inboxRow(answered)).contains("New reply");
		assertThat(inboxRow(quiet)).doesNotContain("New reply");
		assertThat(inbox.indexOf(answered.toString())).as("the answered thread first in its tier")
			.isLessThan(inbox.indexOf(quiet.toString()));

		assertThat(page("/clinician/alerts/" + answered)).contains("Thursday suits me, canary-7731");
		assertThat(inboxRow(answered)).as("opening the alert clears the mark").doesNotContain("New reply");
		String after = page("/clinician/alerts");
		assertThat(after.indexOf(quiet.toString())).as("back in deadline order")
			.isLessThan(after.indexOf(answered.toString()));
	}

	@Test
	void aCheckinAnswerMailsTheOnCallClinicianWithoutTheHandleAndOpeningTheCheckinClearsTheMark() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 1, 0, 1, false, 3));
		UUID submission = jdbc.sql(
				"SELECT s.id FROM checkin_submission s JOIN checkin_account a ON a.id = s.account_id WHERE a.handle_hash = ?")
			.param(CheckinWebTests.hash(handle))
			.query(UUID.class)
			.single();
		UUID alert = jdbc.sql("SELECT alert_id FROM checkin_submission WHERE id = ?")
			.param(submission)
			.query(UUID.class)
			.single();
		await().atMost(WAIT)
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE id = ?")
				.param(alert)
				.query(Integer.class)
				.single() == 1);
		mvc.perform(post("/clinician/checkins/" + submission + "/reply").with(signedIn(clinician))
			.with(csrf())
			.param("body", "Thank you for checking in."));

		String token = CheckinFixtures.signIn(mvc, handle);
		mvc.perform(post("/checkin/thread").with(csrf())
			.param("token", token)
			.param("body", "Nights are hard, canary-5519"));

		await().atMost(WAIT).until(() -> replyMails().length > 0);
		await("no second e-mail within half a second").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> replyMails().length == 1);
		MimeMessage[] mails = replyMails();
		assertThat(mails).hasSize(1);
		assertThat(GreenMailUtil.getAddressList(mails[0].getAllRecipients())).isEqualTo(clinicianPerson.email());
		assertThat(GreenMailUtil.getBody(mails[0])).contains("/clinician/alerts")
			.doesNotContain("canary-5519")
			.doesNotContain(handle)
			.doesNotContain(submission.toString());

		assertThat(inboxRow(alert)).contains("New reply").contains("/clinician/checkins/" + submission);
		assertThat(mvc.perform(get("/clinician/checkins").with(signedIn(clinician)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/clinician/alerts");
		assertThat(page("/clinician/checkins/" + submission)).contains("Nights are hard, canary-5519");
		assertThat(inboxRow(alert)).doesNotContain("New reply");
	}

	@Test
	void noOtherRoleSeesTheInboxOrTheCheckinList() throws Exception {
		for (Role role : Role.values()) {
			if (role == Role.RESILIENCE_CLINICIAN) {
				continue;
			}
			for (String url : List.of("/clinician/alerts", "/clinician/checkins")) {
				var response = mvc.perform(get(url).with(signedIn(as(role)))).andReturn().getResponse();
				assertThat(response.getStatus()).as(role + " " + url).isEqualTo(403);
				assertThat(response.getContentAsString()).doesNotContain("New reply");
			}
		}
	}

	String page(String url) throws Exception {
		var response = mvc.perform(get(url).with(signedIn(clinician))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsString();
	}

	/** The inbox row of one alert. */
	String inboxRow(UUID alert) throws Exception {
		Matcher row = Pattern
			.compile("<tr[^>]*>(?:(?!</tr>).)*/clinician/alerts/" + alert + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
			.matcher(page("/clinician/alerts"));
		assertThat(row.find()).as("the alert is in the inbox").isTrue();
		return row.group();
	}

	MimeMessage[] replyMails() {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return SUBJECT.equals(m.getSubject());
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toArray(MimeMessage[]::new);
	}

}
