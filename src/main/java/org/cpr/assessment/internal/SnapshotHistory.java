package org.cpr.assessment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.assessment.InstrumentResult;
import org.cpr.assessment.SubmittedSnapshot;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own snapshots. Every query is keyed by the owner, so nobody else — whatever
 * their role — can read one by guessing its id.
 */
@Component
class SnapshotHistory {

	private static final Map<String, String> FOLLOW_UPS = Map.of("phq-2", "phq-9", "gad-2", "gad-7");

	private final JdbcClient jdbc;

	private final Battery battery;

	private final SafetyRouting safety;

	private final AuditPort audit;

	SnapshotHistory(JdbcClient jdbc, Battery battery, SafetyRouting safety, AuditPort audit) {
		this.jdbc = jdbc;
		this.battery = battery;
		this.safety = safety;
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<SubmittedSnapshot> find(UUID id, PersonId owner) {
		return jdbc.sql("""
				SELECT id, submitted_at, high_risk, tier, safety_state, contact_channel, contact_time
				FROM assessment_submission WHERE id = ? AND person_id = ?""")
			.params(id, owner.value())
			.query((rs, n) -> new SubmittedSnapshot(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
					rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), List.of()))
			.optional()
			.map(s -> new SubmittedSnapshot(s.id(), s.submittedAt(), s.highRisk(), s.tier(), s.safetyState(),
					s.contactChannel(), s.contactTime(), results(s.id())));
	}

	/**
	 * Oldest first. Two queries whatever the length of the history (the submissions, then
	 * all their results), not two per submission: the results page and the landing page
	 * read the whole history on every visit.
	 * <p>
	 * Plain JDBC reads: no transaction of their own (a caller's is joined), so no JPA
	 * session and no BEGIN/COMMIT on every results page; both statements still share one
	 * connection. A transaction gave them no common snapshot anyway (READ COMMITTED):
	 * either way a snapshot committed between the two statements is left out, and its
	 * results with it, because results are attached to the submissions read first.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<SubmittedSnapshot> all(PersonId owner) {
		List<SubmittedSnapshot> submissions = jdbc.sql("""
				SELECT id, submitted_at, high_risk, tier, safety_state, contact_channel, contact_time
				FROM assessment_submission WHERE person_id = ? ORDER BY submitted_at, id""")
			.param(owner.value())
			.query((rs, n) -> new SubmittedSnapshot(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
					rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), List.of()))
			.list();
		if (submissions.isEmpty()) {
			return List.of();
		}
		Map<UUID, Map<String, InstrumentResult>> bySubmission = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT r.submission_id, r.instrument_id, r.version_id, r.score, r.band, r.flags, r.answers
				FROM assessment_result r JOIN assessment_submission s ON s.id = r.submission_id
				WHERE s.person_id = ? ORDER BY r.submission_id, r.position""").param(owner.value()).query(rs -> {
			InstrumentResult r = new InstrumentResult(rs.getString(2), rs.getObject(3, UUID.class),
					(Double) rs.getObject(4, Double.class), rs.getString(5),
					rs.getString(6).isBlank() ? List.of() : List.of(rs.getString(6).split(",")),
					AnswerCodec.readOne(rs.getString(7)), false);
			bySubmission.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
				.put(r.instrumentId(), r);
		});
		Map<String, String> followUps = followUps();
		List<SubmittedSnapshot> found = new ArrayList<>(submissions.size());
		for (SubmittedSnapshot s : submissions) {
			found.add(new SubmittedSnapshot(s.id(), s.submittedAt(), s.highRisk(), s.tier(), s.safetyState(),
					s.contactChannel(), s.contactTime(),
					withSuperseded(bySubmission.getOrDefault(s.id(), Map.of()), followUps)));
		}
		return found;
	}

	List<InstrumentResult> results(UUID submission) {
		Map<String, InstrumentResult> byInstrument = new LinkedHashMap<>();
		jdbc.sql(
				"SELECT instrument_id, version_id, score, band, flags, answers FROM assessment_result WHERE submission_id = ? ORDER BY position")
			.param(submission)
			.query((rs, n) -> new InstrumentResult(rs.getString(1), rs.getObject(2, UUID.class),
					(Double) rs.getObject(3, Double.class), rs.getString(4),
					rs.getString(5).isBlank() ? List.of() : List.of(rs.getString(5).split(",")),
					AnswerCodec.readOne(rs.getString(6)), false))
			.list()
			.forEach(r -> byInstrument.put(r.instrumentId(), r));
		return withSuperseded(byInstrument, followUps());
	}

	private Map<String, String> followUps() {
		Map<String, String> followUps = new LinkedHashMap<>(FOLLOW_UPS);
		battery.steps().forEach(s -> {
			if (s.followUpId() != null) {
				followUps.put(s.instrumentId(), s.followUpId());
			}
		});
		return followUps;
	}

	private static List<InstrumentResult> withSuperseded(Map<String, InstrumentResult> byInstrument,
			Map<String, String> followUps) {
		List<InstrumentResult> list = new ArrayList<>(byInstrument.size());
		for (InstrumentResult r : byInstrument.values()) {
			String followUp = followUps.get(r.instrumentId());
			boolean superseded = followUp != null && byInstrument.containsKey(followUp);
			list.add(new InstrumentResult(r.instrumentId(), r.versionId(), r.score(), r.band(), r.flags(), r.answers(),
					superseded));
		}
		return list;
	}

	/**
	 * Deletes everything the person has stored here (snapshots, draft, reminder); audited
	 * without content.
	 */
	@Transactional
	public int deleteAll(PersonId owner) {
		safety.settleBeforeDeletion(owner);
		jdbc.sql(
				"DELETE FROM assessment_result WHERE submission_id IN (SELECT id FROM assessment_submission WHERE person_id = ?)")
			.param(owner.value())
			.update();
		int deleted = jdbc.sql("DELETE FROM assessment_submission WHERE person_id = ?").param(owner.value()).update();
		jdbc.sql("DELETE FROM assessment_draft WHERE person_id = ?").param(owner.value()).update();
		jdbc.sql("DELETE FROM assessment_reminder WHERE person_id = ?").param(owner.value()).update();
		audit.record(AuditEntry.selfService(owner, "SNAPSHOT_HISTORY_DELETED", "assessment_submission", null)
			.detail("count=" + deleted));
		return deleted;
	}

}
