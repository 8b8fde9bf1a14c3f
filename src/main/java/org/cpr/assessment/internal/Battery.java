package org.cpr.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.assessment.PlannedStep;
import org.cpr.assessment.SnapshotStep;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configured battery (instruments in order, a follow-up asked only when its screener
 * is positive, optional steps) and the plan it gives for a set of answers.
 */
@Component
class Battery {

	private final JdbcClient jdbc;

	private final Instruments instruments;

	private final AuditPort audit;

	Battery(JdbcClient jdbc, Instruments instruments, AuditPort audit) {
		this.jdbc = jdbc;
		this.instruments = instruments;
		this.audit = audit;
	}

	/**
	 * The configured steps, read at most every few seconds on the submission path
	 * (another node may change them).
	 */
	private record Cached(List<SnapshotStep> steps, long readAt) {
	}

	private static final long STEPS_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

	private volatile Cached cached;

	public List<SnapshotStep> steps() {
		Cached c = cached;
		if (c != null && System.nanoTime() - c.readAt() < STEPS_TTL_NANOS) {
			return c.steps();
		}
		List<SnapshotStep> steps = readSteps();
		cached = new Cached(steps, System.nanoTime());
		return steps;
	}

	private List<SnapshotStep> readSteps() {
		return jdbc.sql(
				"SELECT position, instrument_id, follow_up_id, follow_up_min, optional_step FROM assessment_battery_step ORDER BY position")
			.query((rs, n) -> new SnapshotStep(rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getObject(4) == null ? null : rs.getDouble(4), rs.getBoolean(5)))
			.list()
			.stream()
			.toList();
	}

	/** Replaces the battery; every instrument must exist in the library. */
	@Transactional
	public void replace(List<SnapshotStep> steps, PersonId by) {
		for (SnapshotStep s : steps) {
			if (!instruments.exists(s.instrumentId())
					|| (s.followUpId() != null && !instruments.exists(s.followUpId()))) {
				throw new IllegalArgumentException("unknown instrument");
			}
		}
		jdbc.sql("DELETE FROM assessment_battery_step").update();
		int position = 1;
		for (SnapshotStep s : steps) {
			jdbc.sql(
					"INSERT INTO assessment_battery_step (position, instrument_id, follow_up_id, follow_up_min, optional_step) VALUES (?, ?, ?, ?, ?)")
				.params(position++, s.instrumentId(), s.followUpId(), s.followUpId() == null ? null : s.followUpMin(),
						s.optional())
				.update();
		}
		cached = null;
		org.springframework.transaction.support.TransactionSynchronizationManager
			.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					cached = null;
				}
			});
		audit.record(AuditEntry.administration(by, "SNAPSHOT_BATTERY_CHANGED", "assessment_battery", null)
			.detail("steps=" + steps.size()));
	}

	/**
	 * The pages for these answers: a follow-up appears right after its screener once the
	 * screener is positive.
	 */
	public List<PlannedStep> plan(Map<String, Map<String, Object>> answers, Set<String> skipped) {
		return plan(answers, skipped, new java.util.HashMap<>());
	}

	/**
	 * As {@link #plan(Map, Set)}, remembering the screeners' scores in {@code scored} so
	 * the caller need not score them again.
	 */
	public List<PlannedStep> plan(Map<String, Map<String, Object>> answers, Set<String> skipped,
			Map<String, ScoreResult> scored) {
		List<PlannedStep> plan = new ArrayList<>();
		for (SnapshotStep step : steps()) {
			plan.add(new PlannedStep(step.instrumentId(), step.optional(), null));
			if (step.followUpId() != null && screenerPositive(step, answers.get(step.instrumentId()), scored)) {
				plan.add(new PlannedStep(step.followUpId(), step.optional(), step.instrumentId()));
			}
		}
		return plan;
	}

	private boolean screenerPositive(SnapshotStep step, Map<String, Object> answers, Map<String, ScoreResult> scored) {
		if (answers == null || answers.isEmpty()) {
			return false;
		}
		try {
			ScoreResult r = instruments.score(step.instrumentId(), answers);
			scored.put(step.instrumentId(), r);
			double min = step.followUpMin() == null ? 3 : step.followUpMin();
			return r.score() != null && r.score() >= min;
		}
		catch (InvalidAnswersException incomplete) {
			return false;
		}
	}

}
