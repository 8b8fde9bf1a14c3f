package org.cpr.assistance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.assistance.Modality;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People waiting because no slot fit; the oldest request is what
 * time-to-first-appointment counts from.
 */
@Repository
class WaitlistStore {

	/** A waiting person. */
	public record Waiting(UUID id, PersonId person, Modality modality, Instant requestedAt) {
	}

	private final JdbcClient jdbc;

	WaitlistStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(PersonId person, Modality modality, Instant now) {
		jdbc.sql(
				"INSERT INTO assist_waitlist (id, person_id, modality, status, requested_at) VALUES (?,?,?,'WAITING',?)")
			.params(UUID.randomUUID(), person.value(), modality == null ? null : modality.name(), Timestamp.from(now))
			.update();
	}

	public Optional<Waiting> waiting(PersonId person) {
		return jdbc.sql(
				"SELECT id, person_id, modality, requested_at FROM assist_waitlist WHERE person_id = ? AND status = 'WAITING' "
						+ "ORDER BY requested_at FETCH FIRST 1 ROWS ONLY")
			.param(person.value())
			.query((rs, n) -> waiting(rs))
			.optional();
	}

	/** Everyone waiting, longest first. */
	public List<Waiting> all() {
		return jdbc.sql(
				"SELECT id, person_id, modality, requested_at FROM assist_waitlist WHERE status = 'WAITING' ORDER BY requested_at")
			.query((rs, n) -> waiting(rs))
			.list();
	}

	/** Ends the person's waiting (booked or withdrawn). */
	public void resolve(PersonId person, String status, Instant now) {
		jdbc.sql("UPDATE assist_waitlist SET status = ?, resolved_at = ? WHERE person_id = ? AND status = 'WAITING'")
			.params(status, Timestamp.from(now), person.value())
			.update();
	}

	private static Waiting waiting(java.sql.ResultSet rs) throws java.sql.SQLException {
		String modality = rs.getString("modality");
		return new Waiting(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				modality == null ? null : Modality.valueOf(modality), rs.getTimestamp("requested_at").toInstant());
	}

}
