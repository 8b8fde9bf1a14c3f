package org.cpr.courses.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.shared.PersonId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells evaluation who attended: talks, workshops, conferences and courses
 * ({@code COURSE}), retreats ({@code RETREAT}), and any session of an offering that
 * teaches curriculum topics ({@code CURRICULUM_SESSION}; such a session also counts under
 * its own kind). A person counts once per type, by the session's start date in the
 * application's time zone.
 */
class AttendanceReach implements InterventionReach {

	private final InterventionType type;

	private final String kindCondition;

	private final JdbcClient jdbc;

	private final Clock clock;

	private AttendanceReach(InterventionType type, String kindCondition, JdbcClient jdbc, Clock clock) {
		this.type = type;
		this.kindCondition = kindCondition;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public InterventionType type() {
		return type;
	}

	@Override
	public Reach reach(LocalDate from, LocalDate toExclusive) {
		List<UUID> people = jdbc.sql("""
				SELECT DISTINCT a.person_id FROM course_attendance a
				JOIN course_session s ON s.id = a.session_id JOIN course_offering o ON o.id = s.offering_id
				WHERE s.starts_at >= ? AND s.starts_at < ? AND\s""" + kindCondition)
			.params(start(from), start(toExclusive))
			.query(UUID.class)
			.list();
		Set<PersonId> ids = new HashSet<>();
		people.forEach(p -> ids.add(new PersonId(p)));
		return new Reach.Participants(ids);
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		InterventionReach courseReach(JdbcClient jdbc, Clock clock) {
			return new AttendanceReach(InterventionType.COURSE, "o.kind <> 'RETREAT'", jdbc, clock);
		}

		@Bean
		InterventionReach retreatReach(JdbcClient jdbc, Clock clock) {
			return new AttendanceReach(InterventionType.RETREAT, "o.kind = 'RETREAT'", jdbc, clock);
		}

		@Bean
		InterventionReach curriculumSessionReach(JdbcClient jdbc, Clock clock) {
			return new AttendanceReach(InterventionType.CURRICULUM_SESSION,
					"o.topic_ids IS NOT NULL AND o.topic_ids <> ''", jdbc, clock);
		}

	}

}
