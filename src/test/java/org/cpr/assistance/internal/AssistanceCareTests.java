package org.cpr.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.cpr.assistance.AlertFollowUps;
import org.cpr.assistance.AssistanceFixtures;
import org.cpr.assistance.AssistanceRefused;
import org.cpr.assistance.AssistanceReports;
import org.cpr.assistance.Availability;
import org.cpr.assistance.BookingSource;
import org.cpr.assistance.Bookings;
import org.cpr.assistance.BreakTheGlass;
import org.cpr.assistance.CareRecords;
import org.cpr.assistance.ClosureReason;
import org.cpr.assistance.Episode;
import org.cpr.assistance.EpisodeRecord;
import org.cpr.assistance.Measure;
import org.cpr.assistance.Modality;
import org.cpr.assistance.Referral;
import org.cpr.assistance.ReferralStatus;
import org.cpr.assistance.Referrals;
import org.cpr.assistance.Slot;
import org.cpr.audit.AuditLog;
import org.cpr.directory.ServiceDirectory;
import org.cpr.disclosure.Released;
import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The care record: sealed notes only the care team reads, break the glass, intake,
 * referrals, reports, retention.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AssistanceCareTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Availability availability;

	@Autowired
	Bookings bookings;

	@Autowired
	CareRecords records;

	@Autowired
	Referrals referrals;

	@Autowired
	BreakTheGlass glass;

	@Autowired
	AssistanceReports reports;

	@Autowired
	ServiceDirectory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	PeopleAdministration admin;

	@Autowired
	IdentityManagement identity;

	@Autowired
	java.util.List<InterventionReach> reach;

	@Autowired
	RetentionJob retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.cpr.identity.Accounts accounts;

	@Autowired
	MutableClock clock;

	CprUser clinician;

	CprUser person;

	Episode episode;

	@BeforeEach
	void booked() {
		clock.set(Instant.parse("2026-03-02T09:00:00Z"));
		clinician = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN);
		person = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
		Slot s = AssistanceFixtures.slot(availability, clinician, AssistanceFixtures.today(clock), 1, 10,
				Modality.IN_PERSON);
		episode = records
			.find(bookings.book(s.id(), person.personId(), null, BookingSource.SELF, person.personId()).episodeId())
			.orElseThrow();
	}

	@Test
	void notesAreSealedAndOnlyTheCareTeamReadsThem() throws Exception {
		mvc.perform(post("/assistance/episodes/" + episode.id() + "/notes")
			.param("body", "Sleeps four hours; considering leave.")
			.with(csrf())
			.with(signedIn(clinician))).andExpect(redirectedUrl("/assistance/episodes/" + episode.id() + "?noted"));
		assertThat(jdbc.sql("SELECT body FROM assist_note WHERE episode_id = ?")
			.param(episode.id())
			.query(String.class)
			.single()).startsWith("e1:").doesNotContain("Sleeps");
		mvc.perform(get("/assistance/episodes/" + episode.id()).with(signedIn(clinician)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sleeps four hours")));

		CprUser colleague = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN);
		mvc.perform(get("/assistance/episodes/" + episode.id()).with(signedIn(colleague)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Sleeps"))))
			.andExpect(content().string(containsString("id=\"glass-form\"")));
		mvc.perform(post("/api/v1/assistance/episodes/" + episode.id() + "/notes")
			.header("Authorization", otherClinicianToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"not my patient\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_TREATING"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assist_note WHERE episode_id = ?")
			.param(episode.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audit.accessesTo(person.personId()))
			.anyMatch(r -> r.action().equals("ASSIST_NOTE_WRITTEN") && r.outcome().equals("DENIED"));
	}

	@Test
	void anEmptyNoteIsRefusedOnTheFieldAndAClinicianOutsideTheRecordCannotAddOne() throws Exception {
		mvc.perform(post("/assistance/episodes/" + episode.id() + "/notes").param("body", "  ")
			.with(csrf())
			.with(signedIn(clinician)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write the note first")));
		CprUser colleague = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN);
		assertThatThrownBy(() -> records.addNote(episode.id(), colleague.personId(), "x")).isInstanceOfSatisfying(
				AssistanceRefused.class, r -> assertThat(r.reason()).isEqualTo(AssistanceRefused.Reason.NOT_TREATING));
	}

	@Test
	void breakingTheGlassNeedsAReasonAndThePasswordIsTimeLimitedAndThePersonSeesIt() throws Exception {
		records.addNote(episode.id(), clinician.personId(), "Family bereavement last month.");
		mvc.perform(post("/api/v1/assistance/episodes/" + episode.id() + "/break-glass")
			.header("Authorization", otherClinicianToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"demo-resilience-2026\",\"reason\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("REASON_REQUIRED"));
		CprUser second = AssistanceFixtures.signedInAs(identity, "clinician2", Role.RESILIENCE_CLINICIAN);
		mvc.perform(post("/assistance/episodes/" + episode.id() + "/break-glass")
			.param("reason", "on call, person in crisis")
			.param("password", "wrong-password")
			.with(csrf())
			.with(signedIn(second)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("was not accepted")))
			.andExpect(content().string(containsString("on call, person in crisis")));
		mvc.perform(post("/assistance/episodes/" + episode.id() + "/break-glass")
			.param("reason", "on call, person in crisis")
			.param("password", "demo-resilience-2026")
			.with(csrf())
			.with(signedIn(second))).andExpect(redirectedUrl("/assistance/episodes/" + episode.id() + "?glass"));
		mvc.perform(get("/assistance/episodes/" + episode.id()).with(signedIn(second)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"glass-banner\"")))
			.andExpect(content().string(containsString("Family bereavement")));
		assertThat(jdbc.sql("SELECT reason FROM assist_glass_break WHERE episode_id = ?")
			.param(episode.id())
			.query(String.class)
			.single()).doesNotContain("crisis");
		assertThat(audit.accessesTo(person.personId())).anyMatch(r -> r.action().equals("ASSIST_BREAK_THE_GLASS")
				&& r.actor().equals(second.personId()) && r.outcome().equals("SUCCESS"));
		mvc.perform(get("/assistance/mine").with(signedIn(person)))
			.andExpect(content().string(containsString(identity.person(second.personId()).orElseThrow().displayName()
					+ " opened your record in an emergency")));

		clock.advance(Duration.ofHours(25));
		mvc.perform(get("/assistance/episodes/" + episode.id()).with(signedIn(second)))
			.andExpect(status().isForbidden());
	}

	@Test
	void leadershipAndAdministratorsCanNeverBreakTheGlass() {
		for (Role never : BreakTheGlass.NEVER) {
			assertThat(BreakTheGlass.allowed(Set.of(Role.RESILIENCE_CLINICIAN, never))).isFalse();
		}
		CprUser both = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN, Role.ADMINISTRATOR);
		assertThatThrownBy(() -> glass.breakGlass(episode.id(), both.personId(), both.getUsername(), both.roles(), "x",
				null, "audit"))
			.isInstanceOfSatisfying(AssistanceRefused.class,
					r -> assertThat(r.reason()).isEqualTo(AssistanceRefused.Reason.ROLE_CANNOT_BREAK_GLASS));
		assertThat(records.mayRead(episode.id(), both.personId())).isFalse();
	}

	@Test
	void intakeIsScoredByTheEngineAndProposesAPathwayTheClinicianAccepts() throws Exception {
		mvc.perform(get("/assistance/intake/phq-9").with(signedIn(person))).andExpect(status().isOk());
		mvc.perform(post("/assistance/intake/phq-9").param("a_1", "2").with(csrf()).with(signedIn(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("has-error")));
		var request = post("/assistance/intake/phq-9").with(csrf()).with(signedIn(person));
		for (int i = 1; i <= 9; i++) {
			request.param("a_" + i, i == 9 ? "0" : "2");
		}
		request.param("a_10", "1");
		mvc.perform(request).andExpect(redirectedUrl("/assistance/mine?shared"));
		Measure m = records.read(episode.id(), clinician.personId()).measures().get(0);
		assertThat(m.score()).isEqualTo(16.0);
		assertThat(m.band()).isEqualTo("moderately-severe");
		assertThat(
				jdbc.sql("SELECT answers FROM assist_measure WHERE id = ?").param(m.id()).query(String.class).single())
			.startsWith("e1:");
		mvc.perform(get("/assistance/episodes/" + episode.id()).with(signedIn(clinician)))
			.andExpect(content().string(containsString("Depression")));
		mvc.perform(post("/assistance/episodes/" + episode.id() + "/steps").param("pathway", "depression")
			.param("step", "brief-therapy")
			.with(csrf())
			.with(signedIn(clinician))).andExpect(redirectedUrl("/assistance/episodes/" + episode.id() + "?accepted"));
		assertThat(records.read(episode.id(), clinician.personId()).steps())
			.extracting(EpisodeRecord.AcceptedStep::step)
			.containsExactly("brief-therapy");
		mvc.perform(get("/assistance/mine/measures.json").with(signedIn(person)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resourceType").value("Bundle"))
			.andExpect(jsonPath("$.entry[0].resource.resourceType").value("QuestionnaireResponse"));
	}

	@Test
	void aReferralNeedsConsentMovesThroughItsStatusesAndThePersonSeesIt() throws Exception {
		var service = directory.everything()
			.stream()
			.filter(s -> !s.retired() && s.name().matches("[A-Za-z ]+"))
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> referrals.refer(episode.id(), clinician.personId(), service.id(), "Hello", false))
			.isInstanceOfSatisfying(AssistanceRefused.class,
					r -> assertThat(r.reason()).isEqualTo(AssistanceRefused.Reason.CONSENT_REQUIRED));
		mvc.perform(
				post("/assistance/episodes/" + episode.id() + "/referrals").param("service", service.id().toString())
					.param("handoff", "Introducing a resident who would like evening appointments.")
					.param("consent", "true")
					.with(csrf())
					.with(signedIn(clinician)))
			.andExpect(redirectedUrl("/assistance/episodes/" + episode.id() + "?referred"));
		Referral r = referrals.ofPerson(person.personId()).get(0);
		assertThat(r.status()).isEqualTo(ReferralStatus.REFERRED);
		referrals.update(r.id(), clinician.personId(), ReferralStatus.CONTACTED);
		assertThatThrownBy(() -> referrals.update(r.id(), clinician.personId(), ReferralStatus.REFERRED))
			.isInstanceOf(AssistanceRefused.class);
		mvc.perform(get("/assistance/mine").with(signedIn(person)))
			.andExpect(content().string(containsString(service.name())))
			.andExpect(content().string(containsString("would like evening appointments")))
			.andExpect(content().string(containsString("Contacted")));
		mvc.perform(get("/assistance/mine/record.pdf").with(signedIn(person)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF));
	}

	@Test
	void closedEpisodesAreDeletedAfterRetentionAndOpenOnesNever() {
		records.addNote(episode.id(), clinician.personId(), "to be deleted with the episode");
		CprUser other = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
		Episode open = records.openOrJoin(other.personId(), clinician.personId(), BookingSource.CLINICIAN, null,
				clock.instant(), clinician.personId());
		records.close(episode.id(), clinician.personId(), ClosureReason.GOALS_MET);
		clock.advance(Duration.ofDays(365 * 7 - 10));
		retention.purge();
		assertThat(records.find(episode.id())).isPresent();
		clock.advance(Duration.ofDays(20));
		assertThat(retention.purge()).isPositive();
		assertThat(records.find(episode.id())).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assist_note WHERE episode_id = ?")
			.param(episode.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(records.find(open.id())).isPresent();
	}

	@Test
	void theAccessReportShowsTimeToFirstAppointmentOnlyForFiveOrMoreAndReachCountsPeople() throws Exception {
		clock.set(Instant.parse("2031-06-02T09:00:00Z"));
		for (int i = 0; i < 4; i++) {
			book(i);
		}
		clock.set(Instant.parse("2031-07-01T09:00:00Z"));
		CprUser lead = AssistanceFixtures.person(admin, identity, Role.FACILITATOR);
		var report = reports.lastDays(60, lead.personId(), Role.FACILITATOR);
		assertThat(report.daysToFirst().released()).isFalse();
		clock.set(Instant.parse("2031-06-02T09:00:00Z"));
		book(4);
		clock.set(Instant.parse("2031-07-01T09:00:00Z"));
		CprUser lead2 = AssistanceFixtures.person(admin, identity, Role.FACILITATOR);
		report = reports.lastDays(60, lead2.personId(), Role.FACILITATOR);
		assertThat(report.daysToFirst()).isInstanceOf(Released.class);
		assertThat(((Released) report.daysToFirst()).respondents()).isEqualTo(5);
		mvc.perform(get("/assistance/reports").with(signedIn(lead2))).andExpect(status().isOk());
		mvc.perform(get("/assistance/reports")
			.with(signedIn(AssistanceFixtures.person(admin, identity, Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isForbidden());
		var consultations = reach.stream()
			.filter(r -> r.type() == InterventionType.CONSULTATION)
			.findFirst()
			.orElseThrow();
		assertThat(consultations.reach(LocalDate.of(2031, 6, 1), LocalDate.of(2031, 7, 1)))
			.isEqualTo(new InterventionReach.Reach.CountOnly(5, InterventionReach.Reach.CountOnly.Unit.PEOPLE));
	}

	@Autowired
	org.cpr.safety.SafetyAlerts safety;

	@Autowired
	AlertFollowUps followUps;

	@Test
	void aSafetyAlertWaitsAsAFollowUpAndOpensTheEpisodeFromWhichTheClinicianBooks() throws Exception {
		CprUser someone = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
		UUID alert = safety.raise(new org.cpr.safety.SafetyConcern("snapshot", UUID.randomUUID().toString(),
				someone.personId(), null, org.cpr.safety.AlertTier.TIER_2, Set.of()));
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> followUps.pending().stream().anyMatch(f -> f.alertId().equals(alert)));
		mvc.perform(get("/assistance/clinician").with(signedIn(clinician)))
			.andExpect(content().string(containsString("/assistance/clinician/alerts/" + alert + "/episode")));
		String location = mvc
			.perform(post("/assistance/clinician/alerts/" + alert + "/episode").with(csrf()).with(signedIn(clinician)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Episode opened = records.openOf(someone.personId()).orElseThrow();
		assertThat(location).isEqualTo("/assistance/episodes/" + opened.id());
		assertThat(opened.source()).isEqualTo(BookingSource.ALERT);
		assertThat(opened.alertId()).isEqualTo(alert);
		assertThat(opened.careTeam()).containsExactly(clinician.personId());
		assertThat(followUps.pending()).noneMatch(f -> f.alertId().equals(alert));
		Slot s = AssistanceFixtures.slot(availability, clinician, AssistanceFixtures.today(clock), 2, 9,
				Modality.PHONE);
		mvc.perform(post("/assistance/clinician/book").param("person", someone.personId().toString())
			.param("slot", s.id().toString())
			.param("alert", alert.toString())
			.with(csrf())
			.with(signedIn(clinician))).andExpect(redirectedUrl("/assistance/episodes/" + opened.id() + "?booked"));
		assertThat(bookings.ofPerson(someone.personId())).singleElement()
			.satisfies(a -> assertThat(a.source()).isEqualTo(BookingSource.ALERT));
	}

	/**
	 * A bearer token of another clinician (enrolled in MFA, as the API demands of
	 * clinicians' tokens).
	 */
	private String otherClinicianToken() {
		CprUser other = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN);
		jdbc.sql("UPDATE person SET mfa_enabled = TRUE WHERE id = ?").param(other.personId().value()).update();
		return "Bearer " + accounts.createToken(other.personId(), "test", 1).secret();
	}

	private void book(int i) {
		CprUser someone = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
		Slot s = AssistanceFixtures.slot(availability, clinician, AssistanceFixtures.today(clock), 0, 8 + i,
				Modality.VIDEO);
		bookings.book(s.id(), someone.personId(), null, BookingSource.SELF, someone.personId());
	}

	static UUID id(PersonId p) {
		return p.value();
	}

}
