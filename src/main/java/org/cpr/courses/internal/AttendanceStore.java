package org.cpr.courses.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.courses.CheckInMethod;
import org.cpr.courses.SessionId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attendance rows: person, session, time, method; nothing else. */
@Repository
class AttendanceStore {

	/**
	 * One attendance; {@code id} is random and serves as the opaque unit for gated
	 * counts.
	 */
	public record Row(UUID id, PersonId person, Instant at, CheckInMethod method) {
	}

	private final JdbcClient jdbc;

	AttendanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an attendance unless there is one already; true if recorded now. */
	public boolean record(SessionId session, PersonId person, Instant at, CheckInMethod method) {
		if (find(session, person)) {
			return false;
		}
		try {
			jdbc.sql(
					"INSERT INTO course_attendance (id, session_id, person_id, checked_in_at, method) VALUES (?,?,?,?,?)")
				.params(UUID.randomUUID(), session.value(), person.value(), Timestamp.from(at), method.name())
				.update();
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException alreadyThere) {
			return false;
		}
	}

	public boolean find(SessionId session, PersonId person) {
		return jdbc.sql("SELECT COUNT(*) FROM course_attendance WHERE session_id = ? AND person_id = ?")
			.params(session.value(), person.value())
			.query(Long.class)
			.single() > 0;
	}

	public void remove(SessionId session, PersonId person) {
		jdbc.sql("DELETE FROM course_attendance WHERE session_id = ? AND person_id = ?")
			.params(session.value(), person.value())
			.update();
	}

	public List<Row> of(SessionId session) {
		return jdbc.sql(
				"SELECT id, person_id, checked_in_at, method FROM course_attendance WHERE session_id = ? ORDER BY checked_in_at")
			.param(session.value())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)),
					rs.getTimestamp(3).toInstant(), CheckInMethod.valueOf(rs.getString(4))))
			.list();
	}

	/** Attendance ids per session of an offering (for gated counts). */
	public Map<SessionId, List<UUID>> byOffering(UUID offering) {
		Map<SessionId, List<UUID>> found = new LinkedHashMap<>();
		jdbc.sql(
				"SELECT a.session_id, a.id FROM course_attendance a JOIN course_session s ON s.id = a.session_id WHERE s.offering_id = ?")
			.param(offering)
			.query((rs, n) -> Map.entry(new SessionId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
			.list()
			.forEach(e -> found.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		return found;
	}

	/** Sessions the person attended, with the time and method (their transcript). */
	public List<Map.Entry<SessionId, Instant>> ofPerson(PersonId person) {
		return jdbc
			.sql("SELECT session_id, checked_in_at FROM course_attendance WHERE person_id = ? ORDER BY checked_in_at")
			.param(person.value())
			.query((rs, n) -> Map.entry(new SessionId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant()))
			.list();
	}

}
