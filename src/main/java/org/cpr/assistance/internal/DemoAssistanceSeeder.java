package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cpr.assistance.Appointment;
import org.cpr.assistance.Availability;
import org.cpr.assistance.BookingSource;
import org.cpr.assistance.Bookings;
import org.cpr.assistance.CareRecords;
import org.cpr.assistance.Modality;
import org.cpr.assistance.Slot;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a second resilience clinician ({@code clinician2}, the demo password),
 * four weeks of availability for both clinicians (weekday mornings by video and in
 * person, a Tuesday evening by phone, marked after hours), and one episode of care for a
 * demo nurse with an appointment, a PHQ-9 intake and a note. Does nothing once any slot
 * exists.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoAssistanceSeeder implements ApplicationRunner {

	static final String SECOND_CLINICIAN = "clinician2";

	private static final Logger log = LoggerFactory.getLogger(DemoAssistanceSeeder.class);

	private static final ZoneId ZONE = ZoneId.of("America/Denver");

	private final IdentityManagement identity;

	private final PeopleAdministration people;

	private final Availability availability;

	private final Bookings bookings;

	private final CareRecords records;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoAssistanceSeeder(IdentityManagement identity, PeopleAdministration people, Availability availability,
			Bookings bookings, CareRecords records, JdbcClient jdbc, Clock clock) {
		this.identity = identity;
		this.people = people;
		this.availability = availability;
		this.bookings = bookings;
		this.records = records;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM assist_slot").query(Long.class).single() > 0) {
			return;
		}
		PersonId first = identity.byUsername("clinician").map(PersonSummary::id).orElse(null);
		if (first == null) {
			return;
		}
		PersonId second = secondClinician();
		LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
		LocalDate until = monday.plusWeeks(4);
		Set<DayOfWeek> weekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
		List<Slot> slots = availability.publish(first,
				new Availability.Plan(monday, until, weekdays, LocalTime.of(9, 0), 50, 3, ZONE, Modality.VIDEO));
		availability.publish(first, new Availability.Plan(monday, until, Set.of(DayOfWeek.TUESDAY),
				LocalTime.of(18, 30), 50, 1, ZONE, Modality.PHONE));
		if (second != null) {
			availability.publish(second, new Availability.Plan(monday, until,
					Set.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), LocalTime.of(13, 0), 50, 3, ZONE, Modality.IN_PERSON));
		}
		demoEpisode(first, slots.get(slots.size() / 2));
		log.info("Demo assistance seeded: availability for {} clinicians", second == null ? 1 : 2);
	}

	private PersonId secondClinician() {
		var existing = identity.byUsername(SECOND_CLINICIAN);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		OrgUnitSummary campus = identity.orgUnitsOfKind(OrgUnitKind.INSTITUTION).stream().findFirst().orElse(null);
		if (campus == null) {
			return null;
		}
		PersonId by = identity.byUsername("sysadmin").map(PersonSummary::id).orElse(null);
		if (by == null) {
			return null;
		}
		var id = people.create(new PeopleAdministration.PersonDetails(SECOND_CLINICIAN, "clinician2@demo.cpr.example",
				"Dr. Lee Varga, PhD", TraineeType.FACULTY, null, null, null, true), by);
		people.setPassword(id, "demo-resilience-2026", by);
		people.grant(id, Role.RESILIENCE_CLINICIAN, campus.id().value(), by);
		people.grant(id, Role.PARTICIPANT, campus.id().value(), by);
		return new PersonId(id);
	}

	private void demoEpisode(PersonId clinician, Slot slot) {
		var units = identity.orgUnits().stream().map(OrgUnitSummary::id).toList();
		PersonSummary nurse = identity.audience(units, Set.of(TraineeType.NURSE), Set.of())
			.stream()
			.findFirst()
			.orElse(null);
		if (nurse == null) {
			return;
		}
		Appointment a = bookings.book(slot.id(), nurse.id(), null, BookingSource.CLINICIAN, clinician);
		ObjectNode phq9 = JsonNodeFactory.instance.objectNode();
		for (int i = 1; i <= 9; i++) {
			phq9.put(String.valueOf(i), i <= 5 ? 2 : 1);
		}
		phq9.put("9", 0);
		try {
			records.recordMeasure(a.episodeId(), nurse.id(), "phq-9", phq9);
		}
		catch (RuntimeException noPhq9) {
			log.info("Demo assistance: PHQ-9 intake not seeded ({})", noPhq9.getClass().getSimpleName());
		}
		records.addNote(a.episodeId(), clinician,
				"Intake call scheduled. Night-shift block; sleep and workload are the main concerns.");
	}

}
