package org.cpr.courses.bench;

import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.calendar.Calendars;
import org.cpr.courses.AttendanceVisibility;
import org.cpr.courses.Audience;
import org.cpr.courses.CourseCatalogue;
import org.cpr.courses.OfferingId;
import org.cpr.courses.OfferingKind;
import org.cpr.courses.OfferingPlan;
import org.cpr.courses.Registrations;
import org.cpr.courses.SessionPlan;
import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Measures (never gates) the catalogue page with 2,000 offerings and 30,000 people, and a
 * personal iCalendar feed of 300 sessions. Not part of the build: run with
 * {@code ./mvnw test -Dtest=CourseBenchmarks -Dsurefire.failIfNoSpecifiedTests=false}
 * (add the PostgreSQL variables of the ITs and {@code -Dspring.profiles.active=test} with
 * the Postgres initializer to measure there). Results: docs/benchmarks.md.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseBenchmarks {

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	Calendars calendars;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void catalogueAndFeed() throws Exception {
		PersonId person = new PersonId(UUID.randomUUID());
		LocalDateTime day = LocalDateTime.of(2031, 1, 6, 8, 0);
		long seedStart = System.nanoTime();
		List<OfferingId> ids = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			List<SessionPlan> sessions = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				LocalDateTime start = day.plusDays(i % 300).plusHours(i % 9).plusWeeks(w * 0L).plusMinutes(w * 120L);
				sessions
					.add(new SessionPlan(start, start.plusMinutes(90), "America/Denver", "Room " + (i % 40), null, 30));
			}
			ids.add(catalogue.create(new OfferingPlan("Offering " + i, OfferingKind.values()[i % 6],
					"Benchmark offering " + i, List.of(), Audience.everyone(), null, null,
					AttendanceVisibility.REPORTED_TO_PROGRAM, i % 2 == 0, 24, Set.of(), sessions), null));
		}
		System.out.printf("seeded 2000 offerings (8000 sessions) in %d ms%n",
				(System.nanoTime() - seedStart) / 1_000_000);
		seedPeople(ids);
		// 75 offerings x 4 sessions = 300 sessions on the person's calendar
		for (int i = 0; i < 75; i++) {
			registrations.register(ids.get(i * 26), person, Set.of());
		}
		CprUser user = new CprUser(person, "bench", null, "Bench",
				Set.of(new ScopedRole(Role.PARTICIPANT, new OrgUnitId(UUID.randomUUID()))), false, true);
		report("catalogue page, 2,000 offerings", 60,
				() -> mvc.perform(get("/courses").with(signedIn(user))).andReturn());
		report("catalogue page, fits my schedule", 30,
				() -> mvc.perform(get("/courses").param("fits", "true").with(signedIn(user))).andReturn());
		String token = calendars.issueFeed(person).token();
		report("personal feed, 300 sessions, rendered (no cache)", 100, () -> calendars.personalCalendar(person, "x"));
		report("personal feed, 300 sessions (HTTP)", 100,
				() -> mvc.perform(get("/calendar/feeds/" + token + ".ics")).andReturn());
		String etag = mvc.perform(get("/calendar/feeds/" + token + ".ics")).andReturn().getResponse().getHeader("ETag");
		report("personal feed, 300 sessions (HTTP, If-None-Match -> 304)", 100,
				() -> mvc.perform(get("/calendar/feeds/" + token + ".ics").header("If-None-Match", etag)).andReturn());
		Set<Integer> sizes = new HashSet<>();
		sizes.add(calendars.feed(token, "x").split("BEGIN:VEVENT").length - 1);
		System.out.println("feed events: " + sizes);
	}

	/**
	 * 30,000 people (rows in identity's table, as a campus has) holding 60,000
	 * registrations spread over the offerings, a third of them waitlisted: the
	 * registrations enter the catalogue query through its waitlist counts.
	 */
	void seedPeople(List<OfferingId> ids) {
		long start = System.nanoTime();
		java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
		List<Object[]> people = new ArrayList<>();
		List<Object[]> regs = new ArrayList<>();
		for (int i = 0; i < 30_000; i++) {
			UUID id = UUID.randomUUID();
			people.add(new Object[] { id, "bench" + i + "-" + id, "bench" + i + "-" + id + "@bench.example",
					"Bench " + i, "RESIDENT", now });
			for (int k = 0; k < 2; k++) {
				regs.add(new Object[] { UUID.randomUUID(), ids.get((i * 7 + k * 1013) % ids.size()).value(), id,
						(i + k) % 3 == 0 ? "WAITLISTED" : "SEATED", (long) i * 2 + k, now });
			}
		}
		jdbc.batchUpdate(
				"INSERT INTO person (id, username, email, display_name, trainee_type, created_at) VALUES (?,?,?,?,?,?)",
				people);
		jdbc.batchUpdate(
				"INSERT INTO course_registration (id, offering_id, person_id, status, arrival, requested_at) VALUES (?,?,?,?,?,?)",
				regs);
		System.out.printf("seeded 30000 people and 60000 registrations in %d ms%n",
				(System.nanoTime() - start) / 1_000_000);
	}

	interface Call {

		Object run() throws Exception;

	}

	static void report(String name, int n, Call call) throws Exception {
		for (int i = 0; i < 5; i++) {
			call.run();
		}
		long[] ms = new long[n];
		for (int i = 0; i < n; i++) {
			long t = System.nanoTime();
			call.run();
			ms[i] = (System.nanoTime() - t) / 1_000;
		}
		Arrays.sort(ms);
		System.out.printf("BENCH %s: median %.1f ms, p95 %.1f ms (n=%d)%n", name, ms[n / 2] / 1000.0,
				ms[(int) (n * 0.95)] / 1000.0, n);
	}

}
