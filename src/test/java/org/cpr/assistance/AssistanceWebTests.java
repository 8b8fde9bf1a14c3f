package org.cpr.assistance;

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
import java.util.UUID;

import org.cpr.calendar.Calendars;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
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
 * Booking in three taps, exact slots, cancel and move by either side, and what calendars
 * and the API say.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AssistanceWebTests {

	static final String RESIDENT_TOKEN = "Bearer cpr_demo_participant_4f7d2c9a1b6e8035";

	@Autowired
	MockMvc mvc;

	@Autowired
	Availability availability;

	@Autowired
	Bookings bookings;

	@Autowired
	CareRecords records;

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

	@BeforeEach
	void people() {
		clock.set(Instant.parse("2026-03-02T09:00:00Z"));
		clinician = AssistanceFixtures.person(admin, identity, Role.RESILIENCE_CLINICIAN);
		person = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
	}

	Slot slot(int weeks, int hour) {
		return AssistanceFixtures.slot(availability, clinician, AssistanceFixtures.today(clock), weeks, hour,
				Modality.VIDEO);
	}

	@Test
	void aPersonBooksInThreeTapsFromTheSnapshotAndTheReasonIsSealed() throws Exception {
		Slot s = slot(1, 10);
		mvc.perform(get("/assistance/book").param("from", "snapshot").with(signedIn(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/assistance/book/" + s.id() + "?from=SNAPSHOT")));
		mvc.perform(get("/assistance/book/" + s.id()).param("from", "SNAPSHOT").with(signedIn(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"book\"")));
		mvc.perform(post("/assistance/book/" + s.id()).param("from", "SNAPSHOT")
			.param("reason", "night shifts wear me down")
			.with(csrf())
			.with(signedIn(person))).andExpect(redirectedUrl("/assistance/mine?booked"));

		Episode episode = records.openOf(person.personId()).orElseThrow();
		assertThat(episode.careTeam()).containsExactly(clinician.personId());
		assertThat(episode.source()).isEqualTo(BookingSource.SNAPSHOT);
		assertThat(jdbc.sql("SELECT reason FROM assist_appointment WHERE episode_id = ?")
			.param(episode.id())
			.query(String.class)
			.single()).startsWith("e1:").doesNotContain("night shifts");
		assertThat(availability.find(s.id()).orElseThrow().open()).isFalse();
		mvc.perform(get("/assistance/episodes/" + episode.id()).with(signedIn(clinician)))
			.andExpect(content().string(containsString("night shifts wear me down")));
		mvc.perform(get("/assistance/mine").param("booked", "").with(signedIn(person)))
			.andExpect(content().string(containsString("id=\"booked\"")))
			.andExpect(content().string(containsString(clinician.displayName())));
	}

	@Test
	void aSlotTakenAMomentAgoTellsTheSecondPersonAndChangesNothing() throws Exception {
		Slot s = slot(1, 11);
		CprUser other = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
		bookings.book(s.id(), other.personId(), null, BookingSource.SELF, other.personId());
		mvc.perform(post("/assistance/book/" + s.id()).param("reason", "please keep this")
			.with(csrf())
			.with(signedIn(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone has just booked this time")))
			.andExpect(content().string(containsString("please keep this")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assist_appointment WHERE slot_id = ?")
			.param(s.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(records.openOf(person.personId())).isEmpty();
	}

	@Test
	void aSlotInThePastIsRefusedOnThePageAndAsAProblemDetail() throws Exception {
		Slot s = slot(0, 10);
		clock.set(s.start().toInstant().plusSeconds(60));
		mvc.perform(post("/assistance/book/" + s.id()).with(csrf()).with(signedIn(person)))
			.andExpect(content().string(containsString("This time has already begun")));
		mvc.perform(post("/api/v1/assistance/bookings").header("Authorization", RESIDENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slot\":\"" + s.id() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("SLOT_IN_PAST"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM assist_appointment WHERE slot_id = ?")
			.param(s.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theApiListsOpenSlotsAndRefusesADoubleBooking() throws Exception {
		Slot s = slot(2, 10);
		mvc.perform(get("/api/v1/assistance/slots").header("Authorization", RESIDENT_TOKEN)
			.param("clinician", clinician.personId().toString())
			.param("to", s.end().toInstant().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(s.id().toString()))
			.andExpect(jsonPath("$[0].modality").value("VIDEO"));
		mvc.perform(post("/api/v1/assistance/bookings").header("Authorization", RESIDENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slot\":\"" + s.id() + "\"}")).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/assistance/bookings").header("Authorization", RESIDENT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"slot\":\"" + s.id() + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("SLOT_TAKEN"))
			.andExpect(jsonPath("$.detail").value(containsString("Someone has just booked")));
	}

	@Test
	void eitherSideMovesOrCancelsAndTheSlotOpensAgain() throws Exception {
		Slot first = slot(1, 13);
		Slot second = slot(2, 13);
		Appointment a = bookings.book(first.id(), person.personId(), null, BookingSource.SELF, person.personId());
		mvc.perform(post("/assistance/appointments/" + a.id() + "/move").param("slot", second.id().toString())
			.with(csrf())
			.with(signedIn(person))).andExpect(redirectedUrl("/assistance/mine?moved"));
		Appointment moved = bookings.find(a.id()).orElseThrow();
		assertThat(moved.slotId()).isEqualTo(second.id());
		assertThat(moved.sequence()).isEqualTo(1);
		assertThat(availability.find(first.id()).orElseThrow().open()).isTrue();

		CprUser stranger = AssistanceFixtures.person(admin, identity, Role.PARTICIPANT);
		assertThatThrownBy(() -> bookings.cancel(a.id(), stranger.personId())).isInstanceOfSatisfying(
				AssistanceRefused.class,
				r -> assertThat(r.reason()).isEqualTo(AssistanceRefused.Reason.NOT_YOUR_APPOINTMENT));
		mvc.perform(post("/assistance/appointments/" + a.id() + "/cancel").with(csrf()).with(signedIn(clinician)))
			.andExpect(status().is3xxRedirection());
		assertThat(bookings.find(a.id()).orElseThrow().cancelled()).isTrue();
		assertThat(availability.find(second.id()).orElseThrow().open()).isTrue();
	}

	@Test
	void calendarEntriesSayOnlyAppointmentWithTheResilienceProgram() {
		Slot s = slot(1, 15);
		bookings.book(s.id(), person.personId(), "grief after a patient death", BookingSource.SELF, person.personId());
		for (CprUser who : new CprUser[] { person, clinician }) {
			String ics = calendars.personalCalendar(who.personId(), "mine");
			assertThat(ics).contains("SUMMARY:Appointment with the resilience program")
				.doesNotContain("grief")
				.doesNotContain(clinician.displayName())
				.doesNotContain(person.displayName());
		}
	}

	@Test
	void afterHoursAndWeekendSlotsAreMarkedFromTheirLocalTime() {
		var today = AssistanceFixtures.today(clock);
		var saturday = today.plusWeeks(1).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
		Slot evening = availability
			.publish(clinician.personId(),
					new Availability.Plan(saturday, null, java.util.Set.of(), java.time.LocalTime.of(19, 0), 50, 1,
							AssistanceFixtures.ZONE, Modality.PHONE))
			.get(0);
		Slot office = slot(1, 10);
		assertThat(evening.afterHours()).isTrue();
		assertThat(evening.weekend()).isTrue();
		assertThat(office.afterHours()).isFalse();
		assertThat(office.weekend()).isFalse();
	}

	@Test
	void aClinicianPublishesWeeklyAvailabilityAndABadPlanKeepsWhatWasTyped() throws Exception {
		mvc.perform(post("/assistance/clinician/availability").with(csrf())
			.with(signedIn(clinician))
			.param("date", "2026-03-09")
			.param("until", "2026-03-29")
			.param("days", "MONDAY", "THURSDAY")
			.param("start", "09:00")
			.param("minutes", "50")
			.param("slotsPerDay", "2")
			.param("zone", "America/Denver")
			.param("modality", "IN_PERSON"))
			.andExpect(redirectedUrl("/assistance/clinician/availability?published=12"));
		mvc.perform(post("/assistance/clinician/availability").with(csrf())
			.with(signedIn(clinician))
			.param("date", "2026-03-09")
			.param("start", "09:00")
			.param("minutes", "5")
			.param("slotsPerDay", "2")
			.param("zone", "Mars/Olympus")
			.param("modality", "VIDEO"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check the availability")))
			.andExpect(content().string(containsString("Mars/Olympus")));
		mvc.perform(get("/assistance/clinician/availability").with(signedIn(person))).andExpect(status().isForbidden());
	}

	@Test
	void aPersonWithNoFittingSlotJoinsTheWaitingListAndItCountsFromThen() throws Exception {
		mvc.perform(post("/assistance/waitlist").with(csrf()).with(signedIn(person)))
			.andExpect(redirectedUrl("/assistance/mine?waiting"));
		assertThat(bookings.waiting(person.personId())).isTrue();
		Instant joined = clock.instant();
		clock.advance(Duration.ofDays(3));
		Slot s = slot(1, 16);
		bookings.book(s.id(), person.personId(), null, BookingSource.SELF, person.personId());
		assertThat(bookings.waiting(person.personId())).isFalse();
		assertThat(records.openOf(person.personId()).orElseThrow().requestedAt()).isEqualTo(joined);
		mvc.perform(get("/assistance/clinician").with(signedIn(clinician)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(not(containsString(person.displayName() + "</span>\n      <span class=\"small\">waiting"))));
	}

}
