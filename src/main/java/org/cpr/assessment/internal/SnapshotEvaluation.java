package org.cpr.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.evaluation.OutcomeMeasures;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What evaluation may know of Snapshots: who took one in a window (reach), and the scores
 * of the instruments it evaluates for the people it names (it filters by their consent
 * first). Scores only: no answers, bands, flags or contact choices.
 */
@Component
class SnapshotEvaluation implements InterventionReach, OutcomeMeasures {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	SnapshotEvaluation(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public InterventionType type() {
		return InterventionType.SNAPSHOT;
	}

	@Override
	public Reach reach(LocalDate from, LocalDate toExclusive) {
		Set<PersonId> people = new HashSet<>();
		jdbc.sql("SELECT DISTINCT person_id FROM assessment_submission WHERE submitted_at >= ? AND submitted_at < ?")
			.params(start(from), start(toExclusive))
			.query(UUID.class)
			.list()
			.forEach(p -> people.add(new PersonId(p)));
		return new Reach.Participants(people);
	}

	@Override
	public List<Measurement> measurements(Set<String> instruments, Set<PersonId> people, LocalDate from,
			LocalDate toExclusive) {
		List<Measurement> result = new ArrayList<>();
		if (instruments.isEmpty()) {
			return result;
		}
		List<UUID> ids = people.stream().map(PersonId::value).sorted().toList();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			jdbc.sql("""
					SELECT s.person_id, r.instrument_id, s.submitted_at, r.score
					FROM assessment_submission s JOIN assessment_result r ON r.submission_id = s.id
					WHERE s.person_id IN (:people) AND r.instrument_id IN (:instruments) AND r.score IS NOT NULL
					  AND s.submitted_at >= :from AND s.submitted_at < :to""")
				.param("people", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.param("instruments", List.copyOf(instruments))
				.param("from", start(from))
				.param("to", start(toExclusive))
				.query((rs, n) -> new Measurement(new PersonId(rs.getObject(1, UUID.class)), rs.getString(2),
						rs.getTimestamp(3).toInstant().atZone(clock.getZone()).toLocalDate(), rs.getDouble(4)))
				.list()
				.forEach(result::add);
		}
		return result;
	}

	@Override
	public void forEach(Set<String> instruments, LocalDate from, LocalDate toExclusive,
			java.util.function.Consumer<Measurement> each) {
		if (instruments.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						SELECT s.person_id, r.instrument_id, s.submitted_at, r.score
						FROM assessment_submission s JOIN assessment_result r ON r.submission_id = s.id
						WHERE r.instrument_id IN (:instruments) AND r.score IS NOT NULL AND s.submitted_at >= :from AND s.submitted_at < :to
						ORDER BY s.person_id, s.submitted_at, s.id, r.position""")
			.param("instruments", List.copyOf(instruments))
			.param("from", start(from))
			.param("to", start(toExclusive))
			.withFetchSize(1000)
			.query(rs -> {
				each.accept(new Measurement(new PersonId(rs.getObject(1, UUID.class)), rs.getString(2),
						rs.getTimestamp(3).toInstant().atZone(clock.getZone()).toLocalDate(), rs.getDouble(4)));
			});
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

}
