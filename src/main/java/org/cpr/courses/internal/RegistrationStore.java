package org.cpr.courses.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.courses.OfferingId;
import org.cpr.courses.Registration;
import org.cpr.courses.RegistrationId;
import org.cpr.courses.RegistrationStatus;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registrations and the seat counter. Every change to an offering's registrations first
 * locks the offering's row ({@link #lock}); so seat decisions of one offering happen one
 * at a time, in the order the locks were granted, and that order is recorded as the
 * registration's {@code arrival}. The counter cannot overbook (a CHECK constraint also
 * holds {@code seats_taken <= capacity}) and no request is lost (each ends as a seat or a
 * waitlist place, or an error that changed nothing).
 */
@Repository
class RegistrationStore {

	/** The locked counter row. */
	public record Seats(int capacity, int seatsTaken, long arrivals, boolean open) {
	}

	private static final String COLUMNS = "r.id, r.offering_id, r.person_id, r.status, r.arrival, r.requested_at, "
			+ "CASE WHEN r.status = 'WAITLISTED' THEN (SELECT COUNT(*) FROM course_registration w WHERE w.offering_id = r.offering_id "
			+ "AND w.status = 'WAITLISTED' AND w.arrival <= r.arrival) ELSE 0 END AS position";

	private final JdbcClient jdbc;

	RegistrationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the offering's counter row until the transaction ends (SELECT … FOR UPDATE).
	 */
	public Optional<Seats> lock(OfferingId offering) {
		return jdbc.sql("SELECT capacity, seats_taken, arrivals, status FROM course_offering WHERE id = ? FOR UPDATE")
			.param(offering.value())
			.query((rs, n) -> new Seats(rs.getInt(1), rs.getInt(2), rs.getLong(3), "OPEN".equals(rs.getString(4))))
			.optional();
	}

	public void writeCounter(OfferingId offering, int seatsTaken, long arrivals) {
		jdbc.sql("UPDATE course_offering SET seats_taken = ?, arrivals = ? WHERE id = ?")
			.params(seatsTaken, arrivals, offering.value())
			.update();
	}

	public void writeCapacity(OfferingId offering, int capacity) {
		jdbc.sql("UPDATE course_offering SET capacity = ? WHERE id = ?").params(capacity, offering.value()).update();
	}

	public Optional<Registration> find(OfferingId offering, PersonId person) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM course_registration r WHERE r.offering_id = ? AND r.person_id = ?")
			.params(offering.value(), person.value())
			.query((rs, n) -> registration(rs))
			.optional();
	}

	/**
	 * Records a decided request; a person's earlier cancelled registration is reused (one
	 * row per person and offering).
	 */
	public RegistrationId record(OfferingId offering, PersonId person, RegistrationStatus status, long arrival,
			Instant now, PersonId by, boolean reuse) {
		Timestamp at = Timestamp.from(now);
		Timestamp seatedAt = status == RegistrationStatus.SEATED ? at : null;
		UUID byId = by == null ? null : by.value();
		if (reuse) {
			jdbc.sql(
					"UPDATE course_registration SET status = ?, arrival = ?, requested_at = ?, seated_at = ?, cancelled_at = NULL, "
							+ "registered_by = ? WHERE offering_id = ? AND person_id = ?")
				.params(status.name(), arrival, at, seatedAt, byId, offering.value(), person.value())
				.update();
			return find(offering, person).orElseThrow().id();
		}
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"INSERT INTO course_registration (id, offering_id, person_id, status, arrival, requested_at, seated_at, registered_by) "
						+ "VALUES (?,?,?,?,?,?,?,?)")
			.params(id, offering.value(), person.value(), status.name(), arrival, at, seatedAt, byId)
			.update();
		return new RegistrationId(id);
	}

	public void cancel(RegistrationId id, Instant now) {
		jdbc.sql("UPDATE course_registration SET status = 'CANCELLED', cancelled_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id.value())
			.update();
	}

	/** The first person on the waitlist, by arrival. */
	public Optional<Registration> firstWaitlisted(OfferingId offering) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM course_registration r WHERE r.offering_id = ? AND r.status = 'WAITLISTED' "
					+ "ORDER BY r.arrival FETCH FIRST 1 ROWS ONLY")
			.param(offering.value())
			.query((rs, n) -> registration(rs))
			.optional();
	}

	public void seat(RegistrationId id, Instant now) {
		jdbc.sql("UPDATE course_registration SET status = 'SEATED', seated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id.value())
			.update();
	}

	/**
	 * Active registrations of an offering: seated first, then the waitlist, each by
	 * arrival.
	 */
	public List<Registration> roster(OfferingId offering) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM course_registration r WHERE r.offering_id = ? AND r.status <> 'CANCELLED' "
					+ "ORDER BY CASE r.status WHEN 'SEATED' THEN 0 ELSE 1 END, r.arrival")
			.param(offering.value())
			.query((rs, n) -> registration(rs))
			.list();
	}

	public List<Registration> ofPerson(PersonId person) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM course_registration r WHERE r.person_id = ? AND r.status <> 'CANCELLED'")
			.param(person.value())
			.query((rs, n) -> registration(rs))
			.list();
	}

	private static Registration registration(ResultSet rs) throws SQLException {
		return new Registration(new RegistrationId(rs.getObject("id", UUID.class)),
				new OfferingId(rs.getObject("offering_id", UUID.class)),
				new PersonId(rs.getObject("person_id", UUID.class)), RegistrationStatus.valueOf(rs.getString("status")),
				rs.getLong("arrival"), rs.getInt("position"), rs.getTimestamp("requested_at").toInstant());
	}

}
