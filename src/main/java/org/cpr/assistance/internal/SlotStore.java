package org.cpr.assistance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.assistance.Modality;
import org.cpr.assistance.Slot;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published slots. {@link #take} is the only way a slot becomes booked: a guarded UPDATE
 * that succeeds for exactly one of any number of concurrent callers (the row lock
 * serialises them and the losers see {@code status <> 'OPEN'}).
 */
@Repository
class SlotStore {

	private static final String COLUMNS = "id, clinician_id, starts_at, ends_at, time_zone, modality, after_hours, weekend, status";

	private final JdbcClient jdbc;

	SlotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Slot slot, UUID series, Instant now) {
		jdbc.sql("INSERT INTO assist_slot (" + COLUMNS + ", series_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
			.params(slot.id(), slot.clinician().value(), Timestamp.from(slot.start().toInstant()),
					Timestamp.from(slot.end().toInstant()), slot.start().getZone().getId(), slot.modality().name(),
					slot.afterHours(), slot.weekend(), slot.status(), series, Timestamp.from(now))
			.update();
	}

	/**
	 * Whether the clinician already has a published (not withdrawn) slot overlapping this
	 * time.
	 */
	public boolean overlaps(PersonId clinician, Instant start, Instant end) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM assist_slot WHERE clinician_id = ? AND status <> 'WITHDRAWN' AND starts_at < ? AND ends_at > ?")
			.params(clinician.value(), Timestamp.from(end), Timestamp.from(start))
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Slot> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_slot WHERE id = ?")
			.param(id)
			.query((rs, n) -> slot(rs))
			.optional();
	}

	/**
	 * Open slots starting in [from, to), soonest first, optionally of one modality and
	 * one clinician.
	 */
	public List<Slot> open(Instant from, Instant to, Modality modality, PersonId clinician, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + COLUMNS + " FROM assist_slot WHERE status = 'OPEN' AND starts_at >= ? AND starts_at < ?");
		List<Object> params = new java.util.ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (modality != null) {
			sql.append(" AND modality = ?");
			params.add(modality.name());
		}
		if (clinician != null) {
			sql.append(" AND clinician_id = ?");
			params.add(clinician.value());
		}
		sql.append(" ORDER BY starts_at, id FETCH FIRST ")
			.append(Math.max(1, Math.min(limit, 1000)))
			.append(" ROWS ONLY");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> slot(rs)).list();
	}

	/** A clinician's published slots (not withdrawn) in [from, to). */
	public List<Slot> ofClinician(PersonId clinician, Instant from, Instant to) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM assist_slot WHERE clinician_id = ? AND status <> 'WITHDRAWN' AND starts_at >= ? "
					+ "AND starts_at < ? ORDER BY starts_at")
			.params(clinician.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> slot(rs))
			.list();
	}

	/**
	 * Books the slot if it is still open and starts after {@code now}; true for exactly
	 * one caller.
	 */
	public boolean take(UUID id, Instant now) {
		return jdbc.sql("UPDATE assist_slot SET status = 'BOOKED' WHERE id = ? AND status = 'OPEN' AND starts_at > ?")
			.params(id, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Opens a booked slot again (after a cancellation or a move), unless it has started.
	 */
	public void release(UUID id, Instant now) {
		jdbc.sql("UPDATE assist_slot SET status = 'OPEN' WHERE id = ? AND status = 'BOOKED' AND starts_at > ?")
			.params(id, Timestamp.from(now))
			.update();
	}

	/**
	 * Withdraws an open slot of this clinician; false when it is booked, gone or someone
	 * else's.
	 */
	public boolean withdraw(UUID id, PersonId clinician) {
		return jdbc
			.sql("UPDATE assist_slot SET status = 'WITHDRAWN' WHERE id = ? AND clinician_id = ? AND status = 'OPEN'")
			.params(id, clinician.value())
			.update() == 1;
	}

	static Slot slot(ResultSet rs) throws SQLException {
		ZoneId zone = ZoneId.of(rs.getString("time_zone"));
		return new Slot(rs.getObject("id", UUID.class), new PersonId(rs.getObject("clinician_id", UUID.class)),
				rs.getTimestamp("starts_at").toInstant().atZone(zone),
				rs.getTimestamp("ends_at").toInstant().atZone(zone), Modality.valueOf(rs.getString("modality")),
				rs.getBoolean("after_hours"), rs.getBoolean("weekend"), rs.getString("status"));
	}

}
