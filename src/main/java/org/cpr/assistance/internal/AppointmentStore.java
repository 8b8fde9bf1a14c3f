package org.cpr.assistance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.assistance.Appointment;
import org.cpr.assistance.BookingSource;
import org.cpr.assistance.Modality;
import org.cpr.assistance.Slot;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments; each keeps a copy of its slot's time, place kind and clinician. */
@Repository
class AppointmentStore {

	private static final String COLUMNS = "id, slot_id, episode_id, person_id, clinician_id, starts_at, ends_at, time_zone, modality, "
			+ "status, source, ical_sequence, booked_at";

	private final JdbcClient jdbc;

	AppointmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, Slot slot, UUID episode, PersonId person, String sealedReason, BookingSource source,
			PersonId by, Instant now) {
		jdbc.sql(
				"INSERT INTO assist_appointment (id, slot_id, episode_id, person_id, clinician_id, starts_at, ends_at, time_zone, modality, "
						+ "reason, status, source, booked_by, booked_at) VALUES (?,?,?,?,?,?,?,?,?,?,'BOOKED',?,?,?)")
			.params(id, slot.id(), episode, person.value(), slot.clinician().value(),
					Timestamp.from(slot.start().toInstant()), Timestamp.from(slot.end().toInstant()),
					slot.start().getZone().getId(), slot.modality().name(), sealedReason, source.name(), by.value(),
					Timestamp.from(now))
			.update();
	}

	/**
	 * Moves a booked appointment to another slot; the calendar sequence grows so clients
	 * replace their copy.
	 */
	public void move(UUID id, Slot slot) {
		jdbc.sql(
				"UPDATE assist_appointment SET slot_id = ?, clinician_id = ?, starts_at = ?, ends_at = ?, time_zone = ?, modality = ?, "
						+ "ical_sequence = ical_sequence + 1, reminded = FALSE WHERE id = ?")
			.params(slot.id(), slot.clinician().value(), Timestamp.from(slot.start().toInstant()),
					Timestamp.from(slot.end().toInstant()), slot.start().getZone().getId(), slot.modality().name(), id)
			.update();
	}

	public void cancel(UUID id, PersonId by, Instant now) {
		jdbc.sql(
				"UPDATE assist_appointment SET status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, ical_sequence = ical_sequence + 1 "
						+ "WHERE id = ?")
			.params(Timestamp.from(now), by.value(), id)
			.update();
	}

	public Optional<Appointment> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_appointment WHERE id = ?")
			.param(id)
			.query((rs, n) -> appointment(rs))
			.optional();
	}

	public Optional<String> sealedReason(UUID id) {
		return jdbc.sql("SELECT reason FROM assist_appointment WHERE id = ? AND reason IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	public List<Appointment> ofPerson(PersonId person) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_appointment WHERE person_id = ? ORDER BY starts_at DESC")
			.param(person.value())
			.query((rs, n) -> appointment(rs))
			.list();
	}

	public List<Appointment> ofEpisode(UUID episode) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assist_appointment WHERE episode_id = ? ORDER BY starts_at")
			.param(episode)
			.query((rs, n) -> appointment(rs))
			.list();
	}

	/** The clinician's booked appointments starting in [from, to). */
	public List<Appointment> ofClinician(PersonId clinician, Instant from, Instant to) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM assist_appointment WHERE clinician_id = ? AND status = 'BOOKED' AND starts_at >= ? "
					+ "AND starts_at < ? ORDER BY starts_at")
			.params(clinician.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> appointment(rs))
			.list();
	}

	/**
	 * Appointments (booked or cancelled) of the person or clinician ending after
	 * {@code since}: calendar entries.
	 */
	public List<Appointment> forCalendar(PersonId who, Instant since) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM assist_appointment WHERE (person_id = ? OR clinician_id = ?) AND ends_at > ?")
			.params(who.value(), who.value(), Timestamp.from(since))
			.query((rs, n) -> appointment(rs))
			.list();
	}

	/** Booked appointments starting in [from, to) not yet reminded of. */
	public List<Appointment> unreminded(Instant from, Instant to) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM assist_appointment WHERE status = 'BOOKED' AND reminded = FALSE AND starts_at >= ? "
					+ "AND starts_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> appointment(rs))
			.list();
	}

	public void markReminded(UUID id) {
		jdbc.sql("UPDATE assist_appointment SET reminded = TRUE WHERE id = ?").param(id).update();
	}

	/**
	 * Distinct people with a held (booked, started) appointment in [from, to):
	 * consultation reach.
	 */
	public long peopleSeen(Instant from, Instant to) {
		return jdbc.sql(
				"SELECT COUNT(DISTINCT person_id) FROM assist_appointment WHERE status = 'BOOKED' AND starts_at >= ? AND starts_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	static Appointment appointment(ResultSet rs) throws SQLException {
		ZoneId zone = ZoneId.of(rs.getString("time_zone"));
		return new Appointment(rs.getObject("id", UUID.class), rs.getObject("slot_id", UUID.class),
				rs.getObject("episode_id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				new PersonId(rs.getObject("clinician_id", UUID.class)),
				rs.getTimestamp("starts_at").toInstant().atZone(zone),
				rs.getTimestamp("ends_at").toInstant().atZone(zone), Modality.valueOf(rs.getString("modality")),
				"CANCELLED".equals(rs.getString("status")), BookingSource.valueOf(rs.getString("source")),
				rs.getInt("ical_sequence"), rs.getTimestamp("booked_at").toInstant());
	}

}
