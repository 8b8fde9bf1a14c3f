package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.Role;
import org.cpr.support.MailTest;
import org.cpr.support.MutableClock;
import org.cpr.support.TestMail;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two takes on two dates, the trend, PDF and FHIR downloads, reminders by e-mail, and
 * deleting it all.
 */
@MailTest
class SnapshotHistoryTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SnapshotJobs jobs;

	@Autowired
	IdentityManagement identity;

	CprUser demoResident() {
		PersonSummary p = identity.byUsername("resident").orElseThrow();
		return new CprUser(p.id(), "resident", null, p.displayName(),
				Set.of(new ScopedRole(Role.PARTICIPANT, p.program())), false, true);
	}

	@Test
	void historyTrendDownloadsRemindersAndDeletion() throws Exception {
		CprUser resident = demoResident();
		// other mail tests share this context and the demo resident: count this test's
		// takes
		int before = count(resident);
		new SnapshotDriver(mvc, resident).takeAll("1", "0", "2");
		clock.advance(Duration.ofDays(35));
		MvcResult second = new SnapshotDriver(mvc, resident).takeAll("1", "0", "3");
		String page = mvc.perform(get(second.getResponse().getRedirectedUrl()).with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2026-03-02").contains("2026-04-06");
		String trend = page.substring(page.indexOf("<svg class=\"chart\" role=\"img\" id=\"trend-"));
		trend = trend.substring(0, trend.indexOf("</svg>"));
		assertThat(trend).as("a dated axis and every take's score written on the chart")
			.contains(">2026-03-02</text>")
			.contains(">2026-04-06</text>")
			.contains("class=\"chart-value\"");

		MvcResult pdf = mvc.perform(get("/snapshot/history.pdf").with(signedIn(resident))).andReturn();
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).as("each trend as labelled bars, one per take")
				.containsPattern("2026-03-02\\W+60")
				.containsPattern("2026-04-06\\W+3");
			assertThat(doc.getPage(0).getResources().getXObjectNames()).as("vector boxes, not images").isEmpty();
		}

		MvcResult fhir = mvc.perform(get("/snapshot/history.fhir.json").with(signedIn(resident))).andReturn();
		assertThat(fhir.getResponse().getContentType()).startsWith("application/fhir+json");
		Bundle bundle = FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(Bundle.class, fhir.getResponse().getContentAsString());
		assertThat(bundle.getEntry()).hasSizeGreaterThanOrEqualTo(10);
		QuestionnaireResponse qr = (QuestionnaireResponse) bundle.getEntry().get(0).getResource();
		assertThat(qr.getQuestionnaire()).startsWith("Questionnaire/");
		assertThat(qr.getItem()).isNotEmpty();
		assertThat(fhir.getResponse().getContentAsString()).as("choice answers carry the option's code")
			.contains("\"valueCoding\"")
			.contains("http://loinc.org");

		mvc.perform(post("/snapshot/reminders").with(signedIn(resident)).with(csrf()).param("cadence", "MONTHLY"));
		assertThat(jobs.remind()).as("the last take was today").isZero();
		clock.advance(Duration.ofDays(31));
		assertThat(jobs.remind()).isEqualTo(1);
		assertThat(jobs.remind()).as("once per cadence").isZero();
		// the mail context is shared and the clock moved a month: other jobs (a directory
		// review falling due) may mail too, so count the reminders, not every message
		await().atMost(Duration.ofSeconds(10)).until(() -> !reminders().isEmpty());
		assertThat(reminders()).as("one reminder").hasSize(1);
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(reminders().get(0))).doesNotContain("score");

		MvcResult unconfirmed = mvc
			.perform(post("/snapshot/history/delete").with(signedIn(resident)).with(csrf()).param("confirm", "yes"))
			.andReturn();
		assertThat(unconfirmed.getResponse().getStatus()).isEqualTo(422);
		assertThat(count(resident)).as("nothing deleted without the confirmation").isEqualTo(before + 2);
		mvc.perform(post("/snapshot/history/delete").with(signedIn(resident)).with(csrf()).param("confirm", "DELETE"));
		assertThat(count(resident)).isZero();
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM assessment_result r WHERE NOT EXISTS (SELECT 1 FROM assessment_submission s WHERE s.id = r.submission_id)",
				Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SNAPSHOT_HISTORY_DELETED'",
				Integer.class))
			.isEqualTo(1);
		assertThat(mvc.perform(get(second.getResponse().getRedirectedUrl()).with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	int count(CprUser who) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM assessment_submission WHERE person_id = ?", Integer.class,
				who.personId().value());
	}

	private java.util.List<jakarta.mail.internet.MimeMessage> reminders() {
		return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return "Time for your Resilience Snapshot".equals(m.getSubject());
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

}
