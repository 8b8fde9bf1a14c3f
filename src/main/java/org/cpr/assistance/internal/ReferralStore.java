package org.cpr.assistance.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.assistance.Referral;
import org.cpr.assistance.ReferralStatus;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals; the hand-off message is stored sealed under the episode key and returned
 * sealed.
 */
@Repository
class ReferralStore {

	private static final String COLUMNS = "id, episode_id, person_id, service_id, handoff, consent_at, status, follow_up_on, created_by, "
			+ "created_at, updated_at";

	private final JdbcClient jdbc;

	ReferralStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Referral r) {
		jdbc.sql("INSERT INTO assist_referral (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")
			.params(r.id(), r.episodeId(), r.person().value(), r.serviceId(), r.handoff(),
					Timestamp.from(r.consentAt()), r.status().name(), Date.valueOf(r.followUpOn()),
					r.createdBy().value(), Timestamp.from(r.createdAt()), Timestamp.from(r.updatedAt()))
			.update();
	}

	public Optional<Referral> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_referral WHERE id = ?")
			.param(id)
			.query((rs, n) -> referral(rs))
			.optional();
	}

	public List<Referral> ofEpisode(UUID episode) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_referral WHERE episode_id = ? ORDER BY created_at")
			.param(episode)
			.query((rs, n) -> referral(rs))
			.list();
	}

	public List<Referral> ofPerson(PersonId person) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_referral WHERE person_id = ? ORDER BY created_at DESC")
			.param(person.value())
			.query((rs, n) -> referral(rs))
			.list();
	}

	public void status(UUID id, ReferralStatus status, LocalDate followUpOn, Instant now) {
		jdbc.sql(
				"UPDATE assist_referral SET status = ?, follow_up_on = ?, reminded = FALSE, updated_at = ? WHERE id = ?")
			.params(status.name(), Date.valueOf(followUpOn), Timestamp.from(now), id)
			.update();
	}

	/** Open referrals whose follow-up day has come and that were not yet reminded of. */
	public List<Referral> followUpsDue(LocalDate today) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM assist_referral WHERE reminded = FALSE AND follow_up_on <= ? "
					+ "AND status IN ('REFERRED', 'CONTACTED')")
			.param(Date.valueOf(today))
			.query((rs, n) -> referral(rs))
			.list();
	}

	public void markReminded(UUID id) {
		jdbc.sql("UPDATE assist_referral SET reminded = TRUE WHERE id = ?").param(id).update();
	}

	/**
	 * Every referral created in [from, to): for the gated report (ids and statuses only).
	 */
	public List<Referral> createdBetween(Instant from, Instant to) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_referral WHERE created_at >= ? AND created_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> referral(rs))
			.list();
	}

	private static Referral referral(ResultSet rs) throws SQLException {
		return new Referral(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class),
				new PersonId(rs.getObject("person_id", UUID.class)), rs.getObject("service_id", UUID.class),
				rs.getString("handoff"), rs.getTimestamp("consent_at").toInstant(),
				ReferralStatus.valueOf(rs.getString("status")), rs.getDate("follow_up_on").toLocalDate(),
				new PersonId(rs.getObject("created_by", UUID.class)), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
