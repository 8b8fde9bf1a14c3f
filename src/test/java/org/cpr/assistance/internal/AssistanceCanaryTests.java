package org.cpr.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.cpr.assistance.Appointment;
import org.cpr.assistance.AssistanceFixtures;
import org.cpr.assistance.Availability;
import org.cpr.assistance.BookingSource;
import org.cpr.assistance.Bookings;
import org.cpr.assistance.CareRecords;
import org.cpr.assistance.Modality;
import org.cpr.assistance.Note;
import org.cpr.assistance.Slot;
import org.cpr.calendar.Calendars;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.shared.Role;
import org.cpr.support.MailTest;
import org.cpr.support.MutableClock;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What leaves the module, with real mail: appointment mails and reminders say only
 * "appointment with the resilience program"; a break-the-glass reaches the privacy
 * officer and the treating clinician at once; and a canary written into a note appears
 * nowhere else: no table (the note itself is ciphertext, the event registry holds ids),
 * no log line, no e-mail, no download, no other person's page.
 */
@MailTest
@ExtendWith(OutputCaptureExtension.class)
class AssistanceCanaryTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	Availability availability;

	@Autowired
	Bookings bookings;

	@Autowired
	CareRecords records;

	@Autowired
	AssistanceMailer mailer;

	@Autowired
	PeopleAdministration admin;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Calendars calendars;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	CprUser clinician;

	CprUser person;

	Appointment appointment;

	@BeforeEach
	void booked() {
		clock.set(Instant.parse("2026-03-02T09:00:00Z"));
		clinician = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN);
		person = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
		Slot s = AssistanceFixtures.slot(availability, clinician, AssistanceFixtures.today(clock), 1, 10,
				Modality.VIDEO);
		appointment = bookings.book(s.id(), person.personId(), "my marriage is ending", BookingSource.SELF,
				person.personId());
	}

	List<String> mailTo(String address) throws Exception {
		List<String> texts = new ArrayList<>();
		for (MimeMessage m : mail.getReceivedMessages()) {
			if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address)) {
				texts.add(m.getSubject() + "\n" + GreenMailUtil.getBody(m));
			}
		}
		return texts;
	}

	String email(CprUser who) {
		return identity.person(who.personId()).orElseThrow().email();
	}

	@Test
	void appointmentMailsAndRemindersSayOnlyAppointmentWithTheResilienceProgram() throws Exception {
		await().atMost(WAIT).until(() -> !mailTo(email(person)).isEmpty());
		clock.set(appointment.start().toInstant().minus(Duration.ofHours(20)));
		assertThat(mailer.remind()).isPositive();
		List<String> mails = mailTo(email(person));
		assertThat(mails).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy(text -> assertThat(text).contains("appointment with the resilience program")
				.doesNotContain("marriage")
				.doesNotContain(clinician.displayName())
				.doesNotContain("psycholog"));
	}

	@Test
	void breakingTheGlassTellsThePrivacyOfficerAndTheTreatingClinicianAtOnce() throws Exception {
		CprUser second = AssistanceFixtures.signedInAs(identity, "clinician2", Role.RESILIENCE_CLINICIAN);
		mvc.perform(post("/assistance/episodes/" + appointment.episodeId() + "/break-glass")
			.param("reason", "covering the on-call night")
			.param("password", "demo-resilience-2026")
			.with(csrf())
			.with(signedIn(second)));
		String privacy = identity.byUsername("privacy").orElseThrow().email();
		await().atMost(WAIT)
			.until(() -> !mailTo(privacy).isEmpty() && !mailTo(email(clinician)).stream()
				.filter(t -> t.contains("Emergency access"))
				.toList()
				.isEmpty());
		assertThat(mailTo(privacy).get(0)).contains(appointment.episodeId().toString())
			.doesNotContain("covering the on-call")
			.doesNotContain(person.displayName());
	}

	@Test
	void aCanaryWrittenInANoteAppearsNowhereElse(CapturedOutput output) throws Exception {
		String canary = "CANARY-" + UUID.randomUUID();
		mvc.perform(post("/assistance/episodes/" + appointment.episodeId() + "/notes").param("body", "Note " + canary)
			.with(csrf())
			.with(signedIn(clinician)));
		String own = mvc.perform(get("/assistance/episodes/" + appointment.episodeId()).with(signedIn(clinician)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(own).as("the treating clinician reads it, so the search can see it").contains(canary);

		List<String> columns = jdbc
			.sql("SELECT table_name, column_name FROM information_schema.columns WHERE LOWER(table_schema) = 'public' "
					+ "AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) LIKE '%text%' OR LOWER(data_type) LIKE '%clob%' "
					+ "OR LOWER(data_type) LIKE '%json%')")
			.query((rs, n) -> rs.getString(1) + "." + rs.getString(2))
			.list();
		assertThat(columns).as("the scan covers the notes table").contains("assist_note.body");
		List<String> found = new ArrayList<>();
		for (String column : columns) {
			String[] tc = column.split("\\.");
			long hits = jdbc
				.sql("SELECT COUNT(*) FROM " + tc[0] + " WHERE CAST(" + tc[1] + " AS VARCHAR(1000000)) LIKE ?")
				.param("%" + canary + "%")
				.query(Long.class)
				.single();
			if (hits > 0) {
				found.add(column);
			}
		}
		assertThat(found).as("database columns holding the canary in clear").isEmpty();

		clock.set(appointment.start().toInstant().minus(Duration.ofHours(20)));
		mailer.remind();
		await().atMost(WAIT).until(() -> mail.getReceivedMessages().length > 0);
		assertThat(Arrays.stream(mail.getReceivedMessages()).map(GreenMailUtil::getWholeMessage))
			.noneMatch(m -> m.contains(canary));

		byte[] pdf = mvc.perform(get("/assistance/mine/record.pdf").with(signedIn(person)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Appointments")
				.doesNotContain(canary);
		}
		for (String page : List.of("/assistance/mine", "/assistance/mine/measures.json")) {
			assertThat(mvc.perform(get(page).with(signedIn(person))).andReturn().getResponse().getContentAsString())
				.doesNotContain(canary);
		}
		CprUser colleague = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN);
		assertThat(mvc.perform(get("/assistance/episodes/" + appointment.episodeId()).with(signedIn(colleague)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(canary);
		assertThat(calendars.personalCalendar(person.personId(), "x")).doesNotContain(canary);
		assertThat(calendars.personalCalendar(clinician.personId(), "x")).doesNotContain(canary);
		assertThat(output.getAll()).doesNotContain(canary);
	}

}
