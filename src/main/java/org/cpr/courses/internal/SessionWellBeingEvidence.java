package org.cpr.courses.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.curriculum.WellBeingRequirement;
import org.cpr.evaluation.WellBeingEvidenceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the VI.C evidence pack how many sessions open to a program were held in a period
 * for each well-being requirement their curriculum topics address (a session counts once
 * per requirement).
 */
@Component
class SessionWellBeingEvidence implements WellBeingEvidenceSource {

	private final JdbcClient jdbc;

	private final TopicLibrary topics;

	private final Clock clock;

	SessionWellBeingEvidence(JdbcClient jdbc, TopicLibrary topics, Clock clock) {
		this.jdbc = jdbc;
		this.topics = topics;
		this.clock = clock;
	}

	private record Held(String topicIds, String programs) {
	}

	@Override
	public List<Evidence> evidence(UUID program, LocalDate from, LocalDate toExclusive) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Held> held = jdbc
			.sql("""
					SELECT o.topic_ids, o.audience_programs FROM course_session s JOIN course_offering o ON o.id = s.offering_id
					WHERE s.status <> 'CANCELLED' AND s.starts_at >= ? AND s.starts_at < ? AND s.ends_at <= ?
					AND o.topic_ids IS NOT NULL AND o.topic_ids <> ''""")
			.params(start(from), start(toExclusive), now)
			.query((rs, i) -> new Held(rs.getString(1), rs.getString(2)))
			.list();
		Set<TopicId> ids = new HashSet<>();
		held.forEach(h -> ids.addAll(topicIds(h.topicIds())));
		Map<TopicId, Topic> byId = topics.byIds(ids);
		Map<WellBeingRequirement, Long> sessions = new EnumMap<>(WellBeingRequirement.class);
		for (Held h : held) {
			if (h.programs() != null && !h.programs().isBlank() && !h.programs().contains(program.toString())) {
				continue;
			}
			Set<WellBeingRequirement> addressed = new HashSet<>();
			topicIds(h.topicIds()).stream()
				.map(byId::get)
				.filter(java.util.Objects::nonNull)
				.forEach(t -> addressed.addAll(t.requirements()));
			addressed.forEach(r -> sessions.merge(r, 1L, Long::sum));
		}
		List<Evidence> out = new ArrayList<>();
		sessions.forEach((r, n) -> out.add(new Evidence(r, Kind.SESSIONS_DELIVERED, n)));
		return out;
	}

	private static List<TopicId> topicIds(String csv) {
		List<TopicId> ids = new ArrayList<>();
		Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> {
			try {
				ids.add(new TopicId(UUID.fromString(s)));
			}
			catch (IllegalArgumentException ignored) {
				// not a topic id: nothing to count
			}
		});
		return ids;
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

}
