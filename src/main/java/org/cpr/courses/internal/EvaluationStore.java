package org.cpr.courses.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.courses.OfferingId;
import org.cpr.courses.SessionId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evaluation settings per offering and the survey campaigns made for its sessions (ids
 * only).
 */
@Repository
class EvaluationStore {

	/**
	 * An offering's stored settings; {@code questionnaire} null means no session
	 * evaluation.
	 */
	public record Setting(String questionnaire, String privacyMode, String prepostMeasure) {
	}

	/** The survey wave made for a session, and how many attendees were invited. */
	public record SessionWave(SessionId session, UUID campaign, UUID wave, int invited) {
	}

	/** The pre/post campaign of an offering. */
	public record PrePost(UUID campaign, UUID preWave, UUID postWave) {
	}

	private final JdbcClient jdbc;

	EvaluationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Setting> setting(OfferingId offering) {
		return jdbc.sql(
				"SELECT questionnaire, privacy_mode, prepost_measure FROM course_evaluation_setting WHERE offering_id = ?")
			.param(offering.value())
			.query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public void save(OfferingId offering, Setting s, PersonId by, Instant now) {
		int changed = jdbc
			.sql("UPDATE course_evaluation_setting SET questionnaire = ?, privacy_mode = ?, prepost_measure = ?, "
					+ "updated_by = ?, updated_at = ? WHERE offering_id = ?")
			.params(s.questionnaire(), s.privacyMode(), s.prepostMeasure(), by.value(), Timestamp.from(now),
					offering.value())
			.update();
		if (changed == 0) {
			jdbc.sql(
					"INSERT INTO course_evaluation_setting (offering_id, questionnaire, privacy_mode, prepost_measure, updated_by, "
							+ "updated_at) VALUES (?,?,?,?,?,?)")
				.params(offering.value(), s.questionnaire(), s.privacyMode(), s.prepostMeasure(), by.value(),
						Timestamp.from(now))
				.update();
		}
	}

	/**
	 * Sessions that ended (check-in closed) before {@code closedBefore} but after
	 * {@code since}, were attended by someone, have no evaluation yet and whose offering
	 * has not turned evaluation off.
	 */
	public List<SessionId> due(Instant since, Instant closedBefore) {
		return jdbc
			.sql("SELECT s.id FROM course_session s JOIN course_offering o ON o.id = s.offering_id "
					+ "LEFT JOIN course_evaluation_setting e ON e.offering_id = o.id "
					+ "WHERE s.status = 'SCHEDULED' AND o.status = 'OPEN' AND s.ends_at > ? AND s.ends_at <= ? "
					+ "AND (e.offering_id IS NULL OR e.questionnaire IS NOT NULL) "
					+ "AND NOT EXISTS (SELECT 1 FROM course_session_evaluation v WHERE v.session_id = s.id) "
					+ "AND EXISTS (SELECT 1 FROM course_attendance a WHERE a.session_id = s.id) ORDER BY s.ends_at")
			.params(Timestamp.from(since), Timestamp.from(closedBefore))
			.query((rs, n) -> new SessionId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * Offerings with a pre/post measure whose first session starts in [from, to) and that
	 * have no pre/post campaign yet.
	 */
	public List<OfferingId> prepostDue(Instant from, Instant to) {
		return jdbc
			.sql("SELECT e.offering_id FROM course_evaluation_setting e JOIN course_offering o ON o.id = e.offering_id "
					+ "WHERE e.prepost_measure IS NOT NULL AND o.status = 'OPEN' "
					+ "AND NOT EXISTS (SELECT 1 FROM course_prepost p WHERE p.offering_id = e.offering_id) "
					+ "AND (SELECT MIN(s.starts_at) FROM course_session s WHERE s.offering_id = o.id AND s.status = 'SCHEDULED') >= ? "
					+ "AND (SELECT MIN(s.starts_at) FROM course_session s WHERE s.offering_id = o.id AND s.status = 'SCHEDULED') < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new OfferingId(rs.getObject(1, UUID.class)))
			.list();
	}

	public void recordSessionWave(SessionWave w, Instant now) {
		jdbc.sql(
				"INSERT INTO course_session_evaluation (session_id, campaign_id, wave_id, invited, created_at) VALUES (?,?,?,?,?)")
			.params(w.session().value(), w.campaign(), w.wave(), w.invited(), Timestamp.from(now))
			.update();
	}

	public Map<SessionId, SessionWave> sessionWaves(OfferingId offering) {
		return jdbc
			.sql("SELECT v.session_id, v.campaign_id, v.wave_id, v.invited FROM course_session_evaluation v "
					+ "JOIN course_session s ON s.id = v.session_id WHERE s.offering_id = ?")
			.param(offering.value())
			.query((rs, n) -> new SessionWave(new SessionId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getInt(4)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(SessionWave::session, w -> w));
	}

	public void recordPrePost(OfferingId offering, PrePost p, Instant now) {
		jdbc.sql(
				"INSERT INTO course_prepost (offering_id, campaign_id, pre_wave_id, post_wave_id, created_at) VALUES (?,?,?,?,?)")
			.params(offering.value(), p.campaign(), p.preWave(), p.postWave(), Timestamp.from(now))
			.update();
	}

	public Optional<PrePost> prePost(OfferingId offering) {
		return jdbc.sql("SELECT campaign_id, pre_wave_id, post_wave_id FROM course_prepost WHERE offering_id = ?")
			.param(offering.value())
			.query((rs, n) -> new PrePost(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class)))
			.optional();
	}

	/** Who made the offering (owner of its evaluation campaigns), if recorded. */
	public Optional<PersonId> creator(OfferingId offering) {
		return jdbc.sql("SELECT created_by FROM course_offering WHERE id = ?")
			.param(offering.value())
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.optional()
			.map(PersonId::new);
	}

	/** The people who attended a session. */
	public List<PersonId> attendees(SessionId session) {
		return jdbc.sql("SELECT person_id FROM course_attendance WHERE session_id = ? ORDER BY checked_in_at")
			.param(session.value())
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list();
	}

}
