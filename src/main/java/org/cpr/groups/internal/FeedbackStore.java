package org.cpr.groups.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The feedback waves sent after meetings and the anonymous answers read back from the
 * survey engine (no person, no meeting: only the group the sender attached).
 */
@Component
class FeedbackStore {

	/** The survey wave that asked a meeting's attendees for feedback. */
	public record SentWave(UUID meeting, UUID group, UUID campaign, UUID wave, int invited) {
	}

	/** One anonymous answer: the three ratings (1–5) and the optional comment. */
	public record Answer(UUID response, UUID group, int useful, int safe, int recommend, String comment) {
	}

	private final JdbcClient jdbc;

	FeedbackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Held meetings that ended in {@code (from, to]} and have not been asked for feedback
	 * yet.
	 */
	public List<UUID> meetingsAwaitingFeedback(Instant from, Instant to) {
		return jdbc
			.sql("SELECT m.id FROM mentoring_meeting m WHERE m.cancelled = FALSE AND m.ends_at > ? AND m.ends_at <= ?"
					+ " AND NOT EXISTS (SELECT 1 FROM mentoring_feedback_wave w WHERE w.meeting_id = m.id)"
					+ " ORDER BY m.ends_at")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(UUID.class)
			.list();
	}

	public void recordWave(SentWave w, Instant at) {
		jdbc.sql(
				"INSERT INTO mentoring_feedback_wave (meeting_id, group_id, campaign_id, wave_id, invited, sent_at) VALUES (?,?,?,?,?,?)")
			.params(w.meeting(), w.group(), w.campaign(), w.wave(), w.invited(), Timestamp.from(at))
			.update();
	}

	/** The group whose meeting the campaign asked about, if this module sent it. */
	public Optional<UUID> groupOfCampaign(UUID campaign) {
		return jdbc.sql("SELECT group_id FROM mentoring_feedback_wave WHERE campaign_id = ?")
			.param(campaign)
			.query(UUID.class)
			.optional();
	}

	/** The wave sent after this meeting, if any. */
	public Optional<SentWave> waveOfMeeting(UUID meeting) {
		return jdbc.sql(
				"SELECT meeting_id, group_id, campaign_id, wave_id, invited FROM mentoring_feedback_wave WHERE meeting_id = ?")
			.param(meeting)
			.query((rs, n) -> new SentWave(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getInt(5)))
			.optional();
	}

	/** Who created the cohort (the coordinator), if recorded. */
	public Optional<PersonId> cohortCreator(UUID cohort) {
		return jdbc.sql("SELECT created_by FROM mentoring_cohort WHERE id = ? AND created_by IS NOT NULL")
			.param(cohort)
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/** Stores one answer once (a redelivered event changes nothing). */
	public void insert(Answer a, UUID cohort, LocalDate day) {
		jdbc.sql(
				"INSERT INTO mentoring_feedback (response_id, group_id, cohort_id, answered_on, useful, safe, recommend,"
						+ " comment) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")
			.params(a.response(), a.group(), cohort, day, a.useful(), a.safe(), a.recommend(), a.comment())
			.update();
	}

	/** Every answer about the cohort's groups. */
	public List<Answer> answersOfCohort(UUID cohort) {
		return jdbc.sql(
				"SELECT response_id, group_id, useful, safe, recommend, comment FROM mentoring_feedback WHERE cohort_id = ?")
			.param(cohort)
			.query((rs, n) -> new Answer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
					rs.getInt(4), rs.getInt(5), rs.getString(6)))
			.list();
	}

}
