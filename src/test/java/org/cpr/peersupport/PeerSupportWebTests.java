package org.cpr.peersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cpr.audit.AuditLog;
import org.cpr.audit.AuditRecord;
import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.safety.SafetyAlerts;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The peer support network through its pages, as a referrer, coordinator and supporter
 * meet it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@org.springframework.test.context.event.RecordApplicationEvents
class PeerSupportWebTests {

	/**
	 * Events published by the request (its publication row may already be completed and
	 * deleted when counted).
	 */
	@Autowired
	org.springframework.test.context.event.ApplicationEvents published;

	static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@Autowired
	PeerRoster roster;

	@Autowired
	PeerRequests requests;

	@Autowired
	AuditLog audit;

	@Autowired
	SafetyAlerts safety;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	List<InterventionReach> reach;

	PeerFixtures fx;

	CprUser coordinator;

	CprUser referrer;

	@BeforeEach
	void setUp() {
		clock.set(START);
		fx = new PeerFixtures(identity, people, roster);
		coordinator = PeerFixtures.user(fx.person(TraineeType.STAFF, "UH-NURS", null), Role.PEER_SUPPORT_COORDINATOR);
		referrer = PeerFixtures.user(fx.person(TraineeType.NURSE, "UH-NURS", null), Role.REACH_IN_REFERRER);
	}

	@AfterEach
	void resetClock() {
		clock.set(START);
	}

	PeerRequest only(PersonId person) {
		return requests.queue(coordinator.personId())
			.stream()
			.filter(r -> r.person().equals(person))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aManagersReachInIsMatchedConfirmedContactedAndLoggedWhileTheManagerSeesOnlyContactMade() throws Exception {
		PersonId resident = fx.person(TraineeType.RESIDENT, "SOM-SURG", "PRG-GS");
		PersonId supporter = fx.supporter(TraineeType.RESIDENT, "SOM-EM", LocalDate.of(2026, 3, 2));
		CprUser supporterUser = PeerFixtures.user(supporter, Role.PEER_SUPPORTER);

		mvc.perform(post("/peer/reach-in").with(csrf())
			.with(signedIn(referrer))
			.param("eventType", "PATIENT_DEATH")
			.param("eventDate", "2026-03-01")
			.param("people", fx.username(resident))).andExpect(status().is3xxRedirection());
		PeerRequest filed = only(resident);
		assertThat(filed.kind()).isEqualTo(RequestKind.REACH_IN);
		assertThat(filed.dueAt()).isEqualTo(START.plus(Duration.ofHours(24)));
		mvc.perform(get("/peer/reach-in").with(signedIn(referrer)))
			.andExpect(content().string(containsString("Not yet")));

		mvc.perform(get("/peer/coordinator/requests/" + filed.id()).with(signedIn(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Same profession")))
			.andExpect(content().string(containsString("Not in the person&#39;s department")));
		// a supporter without current training is refused on the page, and nothing is
		// assigned
		PersonId untrained = fx.person(TraineeType.NURSE, "CH-NURS", null);
		roster.enrol(untrained, new RosterEntry(TraineeType.NURSE, null, null, List.of("en"), true, 3),
				identity.byUsername("sysadmin").orElseThrow().id());
		mvc.perform(post("/peer/coordinator/requests/" + filed.id() + "/confirm").with(csrf())
			.with(signedIn(coordinator))
			.param("supporter", untrained.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That supporter has no current training")));
		assertThat(only(resident).supporter()).isNull();
		mvc.perform(post("/peer/coordinator/requests/" + filed.id() + "/confirm").with(csrf())
			.with(signedIn(coordinator))
			.param("supporter", supporter.toString())).andExpect(status().is3xxRedirection());
		// a second confirmation is a double assignment: refused, the first supporter
		// stays
		mvc.perform(post("/peer/coordinator/requests/" + filed.id() + "/confirm").with(csrf())
			.with(signedIn(coordinator))
			.param("supporter", supporter.toString()))
			.andExpect(content().string(containsString("A supporter is already assigned to this request.")));

		mvc.perform(get("/peer/cases").with(signedIn(supporterUser)))
			.andExpect(content().string(containsString(filed.id().toString())));
		clock.advance(Duration.ofHours(3));
		mvc.perform(post("/peer/cases/" + filed.id() + "/contacted").with(csrf()).with(signedIn(supporterUser)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/peer/cases/" + filed.id() + "/encounters").with(csrf())
			.with(signedIn(supporterUser))
			.param("occurredOn", "2026-03-02")
			.param("duration", "MIN_30_TO_60")
			.param("type", "INDIVIDUAL")
			.param("referredDirectory", "false")
			.param("referredClinician", "true")
			.param("referredEap", "false")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM peer_encounter WHERE request_id = ?")
			.param(filed.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/peer/reach-in").with(signedIn(referrer)))
			.andExpect(content().string(containsString("Contact made")));
		PeerRequest contacted = only(resident);
		assertThat(contacted.firstContactAt()).isEqualTo(START.plus(Duration.ofHours(3)));
	}

	@Test
	void aDeclineIsRecordedOnlyAsDeclinedAndTheReferrerCannotTellItFromNotYet() throws Exception {
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PeerRequestId id = requests
			.fileReachIn(referrer.personId(), EventType.VIOLENT_INCIDENT, LocalDate.of(2026, 2, 28), List.of(nurse))
			.get(0);
		requests.confirm(id, supporter, coordinator.personId());
		mvc.perform(post("/peer/cases/" + id + "/declined").with(csrf())
			.with(signedIn(PeerFixtures.user(supporter, Role.PEER_SUPPORTER)))).andExpect(status().is3xxRedirection());
		assertThat(
				jdbc.sql("SELECT status FROM peer_request WHERE id = ?").param(id.value()).query(String.class).single())
			.isEqualTo("DECLINED");
		mvc.perform(get("/peer/reach-in").with(signedIn(referrer)))
			.andExpect(content().string(containsString("Not yet")))
			.andExpect(content().string(not(containsString("Declined"))));
	}

	@Test
	void aReferralForSomeoneAlreadyInTouchWithAPeerJoinsSilentlyAndRevealsNoEarlierContact() throws Exception {
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PeerRequestId own = requests.selfRefer(nurse, null);
		requests.confirm(own, supporter, coordinator.personId());
		requests.contacted(own, supporter);
		clock.advance(Duration.ofHours(1));
		mvc.perform(post("/peer/reach-in").with(csrf())
			.with(signedIn(referrer))
			.param("eventType", "SERIOUS_ADVERSE_EVENT")
			.param("eventDate", "2026-03-01")
			.param("people", fx.username(nurse))).andExpect(status().is3xxRedirection());
		assertThat(requests.queue(coordinator.personId()).stream().filter(r -> r.person().equals(nurse))).hasSize(1);
		mvc.perform(get("/peer/reach-in").with(signedIn(referrer)))
			.andExpect(content().string(containsString("Not yet")));
		clock.advance(Duration.ofHours(1));
		requests.logEncounter(own, supporter, new EncounterEntry(LocalDate.of(2026, 3, 2), DurationBand.UNDER_15_MIN,
				EncounterType.FOLLOW_UP, false, false, false));
		mvc.perform(get("/peer/reach-in").with(signedIn(referrer)))
			.andExpect(content().string(containsString("Contact made")));
	}

	@Test
	void theEncounterFormRefusesAnyFieldBeyondTheMinimumAndSavesNothing() throws Exception {
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PeerRequestId id = requests.selfRefer(nurse, null);
		requests.confirm(id, supporter, coordinator.personId());
		mvc.perform(post("/peer/cases/" + id + "/encounters").with(csrf())
			.with(signedIn(PeerFixtures.user(supporter, Role.PEER_SUPPORTER)))
			.param("occurredOn", "2026-03-02")
			.param("duration", "UNDER_15_MIN")
			.param("type", "INDIVIDUAL")
			.param("referredDirectory", "false")
			.param("referredClinician", "false")
			.param("referredEap", "false")
			.param("note", "talked about the patient who died")).andExpect(status().isBadRequest());
		// a missing field: a clear message, the entered values kept, nothing saved
		mvc.perform(post("/peer/cases/" + id + "/encounters").with(csrf())
			.with(signedIn(PeerFixtures.user(supporter, Role.PEER_SUPPORTER)))
			.param("occurredOn", "2026-03-02")
			.param("duration", "UNDER_15_MIN")
			.param("type", "FOLLOW_UP"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fill in every field")))
			.andExpect(content().string(containsString("value=\"FOLLOW_UP\" selected")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM peer_encounter WHERE request_id = ?")
			.param(id.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theEncounterTableHasNoColumnThatCouldHoldWords() {
		List<String[]> columns = jdbc
			.sql("SELECT column_name, data_type, character_maximum_length FROM information_schema.columns "
					+ "WHERE LOWER(table_name) = 'peer_encounter'")
			.query((rs,
					n) -> new String[] { rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase(),
							rs.getString(3) })
			.list();
		assertThat(columns).extracting(c -> c[0])
			.containsExactlyInAnyOrder("id", "request_id", "supporter_id", "occurred_on", "duration_band",
					"encounter_type", "referred_directory", "referred_clinician", "referred_eap", "recorded_at");
		for (String[] c : columns) {
			if (c[1].contains("char") || c[1].contains("text") || c[1].contains("clob")) {
				assertThat(Integer.parseInt(c[2])).as(c[0] + " is a short code column").isLessThanOrEqualTo(16);
			}
		}
	}

	@Test
	void noProgramDirectorEvaluatorResearcherOrAdministratorSeesAnIndividualsPeerSupport() throws Exception {
		PersonId resident = fx.person(TraineeType.RESIDENT, "SOM-MED", "PRG-IM");
		PersonId supporter = fx.supporter(TraineeType.RESIDENT, "SOM-SURG", LocalDate.of(2026, 3, 2));
		PeerRequestId id = requests
			.fileReachIn(referrer.personId(), EventType.LAWSUIT, LocalDate.of(2026, 2, 1), List.of(resident))
			.get(0);
		requests.confirm(id, supporter, coordinator.personId());
		List<String> individual = List.of("/peer/coordinator", "/peer/coordinator/requests/" + id, "/peer/roster",
				"/peer/roster/" + supporter, "/peer/debriefs", "/peer/cases", "/peer/cases/" + id,
				"/api/v1/peer/requests", "/api/v1/peer/supporters");
		for (Role role : List.of(Role.PROGRAM_DIRECTOR, Role.RESEARCHER, Role.ADMINISTRATOR, Role.FACILITATOR,
				Role.GROUP_LEADER, Role.PARTICIPANT, Role.PRIVACY_OFFICER, Role.SYSTEM_ADMIN, Role.RESILIENCE_CLINICIAN,
				Role.CONDUCT_OFFICER, Role.REACH_IN_REFERRER)) {
			CprUser viewer = PeerFixtures.user(fx.person(TraineeType.FACULTY, "SOM-MED", "PRG-IM"), role);
			for (String path : individual) {
				int status = mvc.perform(get(path).with(signedIn(viewer))).andReturn().getResponse().getStatus();
				assertThat(status).as(role + " " + path).isIn(403, 404);
			}
			String referrals = mvc.perform(get("/api/v1/peer/referrals").with(signedIn(viewer)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(referrals).as(role + " referrals").doesNotContain(resident.toString());
		}
		// another supporter cannot open a request that is not theirs
		CprUser otherSupporter = PeerFixtures.user(fx.supporter(TraineeType.NURSE, "CH-NURS", LocalDate.of(2026, 3, 2)),
				Role.PEER_SUPPORTER);
		mvc.perform(get("/peer/cases/" + id).with(signedIn(otherSupporter))).andExpect(status().isNotFound());
		mvc.perform(post("/peer/cases/" + id + "/crisis").with(csrf()).with(signedIn(otherSupporter)))
			.andExpect(status().isNotFound());
		// the report, open to program directors, is counts only
		mvc.perform(get("/peer/reports")
			.with(signedIn(PeerFixtures.user(fx.person(TraineeType.FACULTY, "SOM-MED", null), Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(identity.person(resident).orElseThrow().displayName()))));
		// evaluation learns a count, never who
		InterventionReach peer = reach.stream()
			.filter(r -> r.type() == InterventionType.PEER_SUPPORT)
			.findFirst()
			.orElseThrow();
		assertThat(peer.reach(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
			.isInstanceOf(InterventionReach.Reach.CountOnly.class);
	}

	@Test
	void everyLookAtAReachInShowsInThePersonsOwnAccessLog() throws Exception {
		PersonId resident = fx.person(TraineeType.RESIDENT, "SOM-PEDS", "PRG-PEDS");
		PersonId supporter = fx.supporter(TraineeType.RESIDENT, "SOM-EM", LocalDate.of(2026, 3, 2));
		PeerRequestId id = requests
			.fileReachIn(referrer.personId(), EventType.SERIOUS_ADVERSE_EVENT, LocalDate.of(2026, 3, 1),
					List.of(resident))
			.get(0);
		requests.confirm(id, supporter, coordinator.personId());
		mvc.perform(get("/peer/coordinator/requests/" + id).with(signedIn(coordinator))).andExpect(status().isOk());
		mvc.perform(get("/peer/cases/" + id).with(signedIn(PeerFixtures.user(supporter, Role.PEER_SUPPORTER))))
			.andExpect(status().isOk());
		// the lists that show the person are looks at the case too: the queue (page and
		// API) and the supporter's own list
		mvc.perform(get("/peer/coordinator").with(signedIn(coordinator))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/peer/requests").with(signedIn(coordinator))).andExpect(status().isOk());
		mvc.perform(get("/peer/cases").with(signedIn(PeerFixtures.user(supporter, Role.PEER_SUPPORTER))))
			.andExpect(status().isOk());
		List<AuditRecord> mine = audit.accessesTo(resident);
		assertThat(mine).extracting(AuditRecord::action)
			.contains("PEER_REQUEST_FILED", "PEER_REQUEST_ASSIGNED", "PEER_REQUEST_VIEWED", "PEER_ENCOUNTERS_VIEWED",
					"PEER_REQUEST_LISTED");
		assertThat(mine.stream().filter(r -> r.action().equals("PEER_REQUEST_LISTED")).map(AuditRecord::actor))
			.contains(coordinator.personId(), supporter)
			.hasSizeGreaterThanOrEqualTo(3);
		assertThat(mine.stream().filter(r -> r.action().equals("PEER_REQUEST_VIEWED")).map(AuditRecord::actor))
			.contains(coordinator.personId(), supporter);
		mvc.perform(get("/account/access-log").with(signedIn(PeerFixtures.user(resident, Role.PARTICIPANT))))
			.andExpect(content().string(containsString("PEER_REQUEST_VIEWED")));
	}

	@Test
	void aRequestNotContactedWithin24HoursEscalatesToTheCoordinatorsOnce() {
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PeerRequestId id = requests
			.fileReachIn(referrer.personId(), EventType.PATIENT_DEATH, LocalDate.of(2026, 3, 1), List.of(nurse))
			.get(0);
		clock.advance(Duration.ofHours(23));
		requests.escalateOverdue();
		assertThat(only(nurse).escalatedAt()).isNull();
		clock.advance(Duration.ofHours(2));
		assertThat(requests.escalateOverdue()).isPositive();
		assertThat(only(nurse).escalatedAt()).isEqualTo(clock.instant());
		assertThat(only(nurse).overdue(clock.instant())).isTrue();
		Instant first = only(nurse).escalatedAt();
		clock.advance(Duration.ofHours(1));
		requests.escalateOverdue();
		assertThat(only(nurse).escalatedAt()).isEqualTo(first);
		assertThat(id).isNotNull();
	}

	@Test
	void aSupporterPausesChecksInPrivatelyAndAskingForADebriefTellsTheCoordinatorsOnlyThat() throws Exception {
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		CprUser me = PeerFixtures.user(supporter, Role.PEER_SUPPORTER);
		mvc.perform(post("/peer/me/pause").with(csrf()).with(signedIn(me)).param("until", "2026-03-20"))
			.andExpect(status().is3xxRedirection());
		assertThat(roster.profile(supporter).orElseThrow().pausedOn(LocalDate.of(2026, 3, 10))).isTrue();
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PeerRequestId id = requests.selfRefer(nurse, null);
		assertThat(requests.eligibleSupporters(requests.forCoordinator(id, coordinator.personId())))
			.doesNotContain(supporter);
		mvc.perform(post("/peer/me/pause").with(csrf()).with(signedIn(me)).param("until", "2028-01-01"))
			.andExpect(content().string(containsString("Choose a date from today up to a year ahead.")));
		mvc.perform(post("/peer/me/resume").with(csrf()).with(signedIn(me))).andExpect(status().is3xxRedirection());
		assertThat(requests.eligibleSupporters(requests.forCoordinator(id, coordinator.personId())))
			.contains(supporter);

		mvc.perform(post("/peer/me/checkin").with(csrf())
			.with(signedIn(me))
			.param("wellbeing", "2")
			.param("wantsDebrief", "true")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/peer/cases").with(signedIn(me))).andExpect(content().string(containsString("Worn down")));
		assertThat(
				published.stream(SupporterDebriefRequested.class).filter(e -> e.supporter().equals(supporter)).count())
			.as("the coordinators are told that a debrief was asked for")
			.isEqualTo(1);
		mvc.perform(get("/peer/roster/" + supporter).with(signedIn(coordinator)))
			.andExpect(content().string(not(containsString("Worn down"))));
	}

	@Test
	void theCrisisButtonRaisesATierOneSafetyAlertWithoutANote() throws Exception {
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PeerRequestId id = requests.selfRefer(nurse, null);
		requests.confirm(id, supporter, coordinator.personId());
		mvc.perform(post("/peer/cases/" + id + "/crisis").with(csrf())
			.with(signedIn(PeerFixtures.user(supporter, Role.PEER_SUPPORTER))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The on-call clinician has been alerted")))
			.andExpect(content().string(containsString("988")));
		var alert = safety
			.open(new org.cpr.safety.SafetyConcern("peer-support", id.toString(), nurse, null,
					org.cpr.safety.AlertTier.TIER_1, java.util.Set.of())
				.alertId(), coordinator.personId())
			.orElseThrow();
		assertThat(alert.person()).isEqualTo(nurse);
		assertThat(alert.tier()).isEqualTo(org.cpr.safety.AlertTier.TIER_1);
	}

	@Test
	void badReachInsGetAClearMessageKeepWhatWasTypedAndFileNothing() throws Exception {
		int before = requests.queue(coordinator.personId()).size();
		mvc.perform(post("/peer/reach-in").with(csrf())
			.with(signedIn(referrer))
			.param("eventType", "LAWSUIT")
			.param("eventDate", "2026-03-05")
			.param("people", "resident"))
			.andExpect(content().string(containsString("The event date cannot be in the future.")))
			.andExpect(content().string(containsString(">resident</textarea>")));
		mvc.perform(post("/peer/reach-in").with(csrf())
			.with(signedIn(referrer))
			.param("eventType", "LAWSUIT")
			.param("eventDate", "2026-03-01")
			.param("people", "resident\nnobody-by-this-name"))
			.andExpect(content().string(containsString("We could not find that person.")));
		mvc.perform(post("/peer/reach-in").with(csrf())
			.with(signedIn(referrer))
			.param("eventType", "LAWSUIT")
			.param("eventDate", "2026-03-01")
			.param("people", "nobody")
			.param("lang", "es")).andExpect(content().string(containsString("No encontramos a esa persona.")));
		assertThat(requests.queue(coordinator.personId())).hasSize(before);
		mvc.perform(post("/peer/reach-in").with(csrf())
			.with(signedIn(PeerFixtures.user(referrer.personId(), Role.PARTICIPANT)))
			.param("eventType", "LAWSUIT")
			.param("eventDate", "2026-03-01")
			.param("people", "resident")).andExpect(status().isForbidden());
	}

	@Test
	void theReportShowsCountsOfElevenOrMoreOnlyAndOnlyForFinishedMonths() throws Exception {
		clock.set(Instant.parse("2031-05-10T08:00:00Z"));
		PersonId supporter = fx.supporter(TraineeType.PHARMACIST, "SOP-PRAC", LocalDate.of(2031, 5, 10));
		for (int i = 0; i < 11; i++) {
			PersonId nurse = fx.person(TraineeType.NURSE, "UH-NURS", null);
			PeerRequestId id = requests
				.fileReachIn(referrer.personId(), EventType.VIOLENT_INCIDENT, LocalDate.of(2031, 5, 9), List.of(nurse))
				.get(0);
			if (i < 10) {
				jdbc.sql("UPDATE peer_request SET first_contact_at = ?, status = 'CONTACTED' WHERE id = ?")
					.params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofHours(2))), id.value())
					.update();
			}
		}
		CprUser director = PeerFixtures.user(fx.person(TraineeType.FACULTY, "SOM-MED", null), Role.PROGRAM_DIRECTOR);
		mvc.perform(get("/peer/reports").param("year", "2031").with(signedIn(director)))
			// May is not counted until a week after it ends
			.andExpect(content().string(containsString("Counted through 2031-04.")))
			.andExpect(content()
				.string(containsString("<strong id=\"report-total\"><span class=\"disclosure-value\">0</span>")));
		clock.set(Instant.parse("2031-06-20T08:00:00Z"));
		mvc.perform(get("/peer/reports").param("year", "2031").with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("<strong id=\"report-total\"><span class=\"disclosure-value\">11</span>")))
			.andExpect(content().string(containsString("91 %")))
			// ten contacted reach-ins: below the minimum, the mean time to contact stays
			// hidden
			.andExpect(content().string(containsString(
					"<strong id=\"report-hours\"><span class=\"disclosure-suppressed\">fewer than 11</span>")));
		assertThat(supporter).isNotNull();
	}

}
