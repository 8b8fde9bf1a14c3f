package org.cpr.assistance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sealed notes and measures of episodes, and accepted pathway steps. Values come and go
 * sealed.
 */
@Repository
class RecordStore {

	/** A note row as stored. */
	public record SealedNote(UUID id, PersonId author, Instant writtenAt, String body) {
	}

	/** A measure row as stored. */
	public record SealedMeasure(UUID id, UUID versionId, String instrumentId, int versionNumber, String answers,
			Double score, String band, boolean flagged, Instant takenAt, PersonId enteredBy) {
	}

	/** An accepted step. */
	public record AcceptedStep(String pathway, String step, PersonId acceptedBy, Instant acceptedAt) {
	}

	private final JdbcClient jdbc;

	RecordStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertNote(UUID id, UUID episode, PersonId author, Instant at, String sealedBody) {
		jdbc.sql("INSERT INTO assist_note (id, episode_id, author_id, written_at, body) VALUES (?,?,?,?,?)")
			.params(id, episode, author.value(), Timestamp.from(at), sealedBody)
			.update();
	}

	public List<SealedNote> notes(UUID episode) {
		return jdbc.sql(
				"SELECT id, author_id, written_at, body FROM assist_note WHERE episode_id = ? ORDER BY written_at DESC")
			.param(episode)
			.query((rs, n) -> new SealedNote(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)),
					rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	public void insertMeasure(UUID id, UUID episode, SealedMeasure m) {
		jdbc.sql(
				"INSERT INTO assist_measure (id, episode_id, version_id, instrument_id, version_number, answers, score, band, flagged, "
						+ "taken_at, entered_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
			.params(id, episode, m.versionId(), m.instrumentId(), m.versionNumber(), m.answers(), m.score(), m.band(),
					m.flagged(), Timestamp.from(m.takenAt()), m.enteredBy().value())
			.update();
	}

	public List<SealedMeasure> measures(UUID episode) {
		return jdbc.sql(
				"SELECT id, version_id, instrument_id, version_number, answers, score, band, flagged, taken_at, entered_by "
						+ "FROM assist_measure WHERE episode_id = ? ORDER BY taken_at")
			.param(episode)
			.query((rs, n) -> new SealedMeasure(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getInt(4), rs.getString(5), rs.getObject(6) == null ? null : rs.getDouble(6),
					rs.getString(7), rs.getBoolean(8), rs.getTimestamp(9).toInstant(),
					new PersonId(rs.getObject(10, UUID.class))))
			.list();
	}

	public boolean acceptStep(UUID episode, String pathway, String step, PersonId by, Instant at) {
		return jdbc.sql(
				"INSERT INTO assist_step (id, episode_id, pathway, step, accepted_by, accepted_at) SELECT ?,?,?,?,?,? WHERE NOT EXISTS "
						+ "(SELECT 1 FROM assist_step WHERE episode_id = ? AND pathway = ? AND step = ?)")
			.params(UUID.randomUUID(), episode, pathway, step, by.value(), Timestamp.from(at), episode, pathway, step)
			.update() == 1;
	}

	public List<AcceptedStep> steps(UUID episode) {
		return jdbc.sql(
				"SELECT pathway, step, accepted_by, accepted_at FROM assist_step WHERE episode_id = ? ORDER BY accepted_at")
			.param(episode)
			.query((rs, n) -> new AcceptedStep(rs.getString(1), rs.getString(2),
					new PersonId(rs.getObject(3, UUID.class)), rs.getTimestamp(4).toInstant()))
			.list();
	}

}
