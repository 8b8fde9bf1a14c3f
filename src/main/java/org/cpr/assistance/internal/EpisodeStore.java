package org.cpr.assistance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.assistance.BookingSource;
import org.cpr.assistance.ClosureReason;
import org.cpr.assistance.Episode;
import org.cpr.assistance.GlassBreak;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Episodes of care, their care teams and break-the-glass grants. */
@Repository
class EpisodeStore {

	private static final String COLUMNS = "id, person_id, status, source, alert_id, requested_at, opened_at, closed_at, closure_reason";

	private final JdbcClient jdbc;

	EpisodeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, PersonId person, BookingSource source, UUID alert, Instant requestedAt, Instant now,
			PersonId by, String wrappedKey) {
		jdbc.sql(
				"INSERT INTO assist_episode (id, person_id, status, source, alert_id, requested_at, opened_at, opened_by, data_key) "
						+ "VALUES (?,?,'OPEN',?,?,?,?,?,?)")
			.params(id, person.value(), source.name(), alert, Timestamp.from(requestedAt), Timestamp.from(now),
					by == null ? null : by.value(), wrappedKey)
			.update();
	}

	public void addToTeam(UUID episode, PersonId clinician) {
		jdbc.sql("INSERT INTO assist_care_team (episode_id, clinician_id) SELECT ?, ? WHERE NOT EXISTS "
				+ "(SELECT 1 FROM assist_care_team WHERE episode_id = ? AND clinician_id = ?)")
			.params(episode, clinician.value(), episode, clinician.value())
			.update();
	}

	public Optional<Episode> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_episode WHERE id = ?")
			.param(id)
			.query((rs, n) -> episode(rs))
			.optional()
			.map(this::withTeam);
	}

	/** The person's open episode, if any (a person has at most one open at a time). */
	public Optional<Episode> openOf(PersonId person) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM assist_episode WHERE person_id = ? AND status = 'OPEN' ORDER BY opened_at "
					+ "FETCH FIRST 1 ROWS ONLY")
			.param(person.value())
			.query((rs, n) -> episode(rs))
			.optional()
			.map(this::withTeam);
	}

	public List<Episode> ofPerson(PersonId person) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_episode WHERE person_id = ? ORDER BY opened_at DESC")
			.param(person.value())
			.query((rs, n) -> episode(rs))
			.list()
			.stream()
			.map(this::withTeam)
			.toList();
	}

	/** Open episodes the clinician treats. */
	public List<Episode> caseload(PersonId clinician) {
		return jdbc
			.sql("SELECT e." + COLUMNS.replace(", ", ", e.")
					+ " FROM assist_episode e JOIN assist_care_team t ON t.episode_id = e.id "
					+ "WHERE t.clinician_id = ? AND e.status = 'OPEN' ORDER BY e.opened_at")
			.param(clinician.value())
			.query((rs, n) -> episode(rs))
			.list()
			.stream()
			.map(this::withTeam)
			.toList();
	}

	public Optional<String> wrappedKey(UUID episode) {
		return jdbc.sql("SELECT data_key FROM assist_episode WHERE id = ?")
			.param(episode)
			.query(String.class)
			.optional();
	}

	public boolean close(UUID episode, ClosureReason reason, Instant now) {
		return jdbc.sql(
				"UPDATE assist_episode SET status = 'CLOSED', closed_at = ?, closure_reason = ? WHERE id = ? AND status = 'OPEN'")
			.params(Timestamp.from(now), reason.name(), episode)
			.update() == 1;
	}

	public void grant(GlassBreak grant, String sealedReason) {
		jdbc.sql(
				"INSERT INTO assist_glass_break (id, episode_id, clinician_id, reason, granted_at, expires_at) VALUES (?,?,?,?,?,?)")
			.params(grant.id(), grant.episodeId(), grant.clinician().value(), sealedReason,
					Timestamp.from(grant.grantedAt()), Timestamp.from(grant.expiresAt()))
			.update();
	}

	/** The clinician's grant for this episode still valid at {@code now}. */
	public Optional<GlassBreak> activeGrant(UUID episode, PersonId clinician, Instant now) {
		return jdbc.sql(
				"SELECT id, episode_id, clinician_id, granted_at, expires_at FROM assist_glass_break WHERE episode_id = ? "
						+ "AND clinician_id = ? AND expires_at > ? ORDER BY expires_at DESC FETCH FIRST 1 ROWS ONLY")
			.params(episode, clinician.value(), Timestamp.from(now))
			.query((rs, n) -> grant(rs))
			.optional();
	}

	public List<GlassBreak> grants(UUID episode) {
		return jdbc.sql(
				"SELECT id, episode_id, clinician_id, granted_at, expires_at FROM assist_glass_break WHERE episode_id = ? "
						+ "ORDER BY granted_at DESC")
			.param(episode)
			.query((rs, n) -> grant(rs))
			.list();
	}

	/** Closed episodes closed before {@code cutoff}: due for deletion. */
	public List<UUID> closedBefore(Instant cutoff) {
		return jdbc.sql("SELECT id FROM assist_episode WHERE status = 'CLOSED' AND closed_at < ?")
			.param(Timestamp.from(cutoff))
			.query(UUID.class)
			.list();
	}

	/**
	 * Deletes the episode and everything recorded in it (appointments' slots stay, as
	 * history of availability).
	 */
	public void delete(UUID episode) {
		for (String table : List.of("assist_note", "assist_measure", "assist_referral", "assist_glass_break",
				"assist_step", "assist_appointment", "assist_care_team")) {
			jdbc.sql("DELETE FROM " + table + " WHERE episode_id = ?").param(episode).update();
		}
		jdbc.sql("UPDATE assist_alert_followup SET episode_id = NULL WHERE episode_id = ?").param(episode).update();
		jdbc.sql("DELETE FROM assist_episode WHERE id = ?").param(episode).update();
	}

	private Episode withTeam(Episode e) {
		Set<PersonId> team = new HashSet<>();
		jdbc.sql("SELECT clinician_id FROM assist_care_team WHERE episode_id = ?")
			.param(e.id())
			.query(UUID.class)
			.list()
			.forEach(id -> team.add(new PersonId(id)));
		return new Episode(e.id(), e.person(), e.open(), e.source(), e.alertId(), e.requestedAt(), e.openedAt(),
				e.closedAt(), e.closureReason(), team);
	}

	private static Episode episode(ResultSet rs) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		String reason = rs.getString("closure_reason");
		return new Episode(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				"OPEN".equals(rs.getString("status")), BookingSource.valueOf(rs.getString("source")),
				rs.getObject("alert_id", UUID.class), rs.getTimestamp("requested_at").toInstant(),
				rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
				reason == null ? null : ClosureReason.valueOf(reason), Set.of());
	}

	private static GlassBreak grant(ResultSet rs) throws SQLException {
		return new GlassBreak(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class),
				new PersonId(rs.getObject("clinician_id", UUID.class)), rs.getTimestamp("granted_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant());
	}

}
