package org.cpr.courses.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.CalendarSource;
import org.cpr.courses.OfferingId;
import org.cpr.courses.SessionEvents;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts on a person's calendar every session of the offerings they hold a seat in or
 * facilitate, from 90 days back; cancelled sessions stay, as STATUS:CANCELLED with the
 * same UID. One query for the entries, and one small aggregate for the version a feed's
 * ETag is made of: a feed is polled often and changes rarely.
 */
@Component
class CourseCalendar implements CalendarSource {

	static final Duration HISTORY = Duration.ofDays(90);

	/** The person's offerings: seated in, or facilitating. */
	private static final String MINE = "SELECT offering_id FROM course_registration WHERE person_id = ? AND status = 'SEATED' "
			+ "UNION SELECT offering_id FROM course_facilitator WHERE person_id = ?";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String baseUrl;

	CourseCalendar(JdbcClient jdbc, Clock clock, @Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@Override
	public List<CalendarEntry> entriesFor(PersonId person) {
		Instant since = clock.instant().minus(HISTORY);
		return jdbc
			.sql("SELECT o.title, o.description, o.protected_time_note, o.status AS offering_status, s.* "
					+ "FROM course_session s JOIN course_offering o ON o.id = s.offering_id "
					+ "WHERE s.ends_at > ? AND s.offering_id IN (" + MINE + ") ORDER BY s.starts_at")
			.params(Timestamp.from(since), person.value(), person.value())
			.query((rs, n) -> SessionEvents.entry(new OfferingId(rs.getObject("offering_id", UUID.class)),
					rs.getString("title"), rs.getString("description"), rs.getString("protected_time_note"),
					"CANCELLED".equals(rs.getString("offering_status")), OfferingStore.session(rs), baseUrl))
			.list();
	}

	/**
	 * Changes with every change of the person's seats (a registration's latest time), of
	 * their offerings (updated_at, which also moves when facilitators change) and of
	 * those offerings' sessions (count, iCalendar sequence, latest start).
	 */
	@Override
	public String version(PersonId person) {
		// one pass over the person's sessions and offerings (the set of offerings is
		// worked out once), instead of one sub-select per figure
		return jdbc.sql("WITH mine AS (" + MINE + ") SELECT r.c || ':' || COALESCE(CAST(r.m AS VARCHAR), '-') || ':' "
				+ "|| f.c || ':' || COALESCE(CAST(o.m AS VARCHAR), '-') || ':' || s.c || ':' || s.seq || ':' "
				+ "|| COALESCE(CAST(s.m AS VARCHAR), '-') FROM "
				+ "(SELECT COUNT(*) AS c, MAX(COALESCE(cancelled_at, seated_at, requested_at)) AS m FROM course_registration WHERE person_id = ?) r, "
				+ "(SELECT COUNT(*) AS c FROM course_facilitator WHERE person_id = ?) f, "
				+ "(SELECT MAX(updated_at) AS m FROM course_offering WHERE id IN (SELECT offering_id FROM mine)) o, "
				+ "(SELECT COUNT(*) AS c, COALESCE(SUM(ical_sequence), 0) AS seq, MAX(starts_at) AS m FROM course_session "
				+ "WHERE offering_id IN (SELECT offering_id FROM mine)) s")
			.params(person.value(), person.value(), person.value(), person.value())
			.query(String.class)
			.single();
	}

}
