package org.cpr.courses.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.evaluation.OfferingAttendance;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Attendees of each offering (not retreats' confidential details: ids only). */
@Component
class OfferingAttendanceSource implements OfferingAttendance {

	private final JdbcClient jdbc;

	private final Clock clock;

	OfferingAttendanceSource(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Offering> offerings(LocalDate from, LocalDate toExclusive) {
		Map<UUID, String> titles = new LinkedHashMap<>();
		Map<UUID, Set<PersonId>> people = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT DISTINCT o.id, o.title, a.person_id FROM course_attendance a
				JOIN course_session s ON s.id = a.session_id JOIN course_offering o ON o.id = s.offering_id
				WHERE s.starts_at >= ? AND s.starts_at < ? ORDER BY o.id""")
			.params(start(from), start(toExclusive))
			.query((rs, i) -> {
				UUID id = rs.getObject(1, UUID.class);
				titles.putIfAbsent(id, rs.getString(2));
				people.computeIfAbsent(id, k -> new HashSet<>()).add(new PersonId(rs.getObject(3, UUID.class)));
				return null;
			})
			.list();
		return titles.entrySet()
			.stream()
			.map(e -> new Offering(e.getKey(), e.getValue(), people.get(e.getKey())))
			.toList();
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

}
