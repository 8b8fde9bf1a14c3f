package org.cpr.courses.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.courses.Audience;
import org.cpr.courses.AttendanceVisibility;
import org.cpr.courses.Offering;
import org.cpr.courses.OfferingId;
import org.cpr.courses.OfferingKind;
import org.cpr.courses.OfferingPlan;
import org.cpr.courses.Session;
import org.cpr.courses.SessionId;
import org.cpr.courses.SessionPlan;
import org.cpr.curriculum.TopicId;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offerings, their facilitators and sessions (plain SQL). */
@Repository
class OfferingStore {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String OFFERING_COLUMNS = "o.id, o.title, o.kind, o.description, o.topic_ids, o.audience_types, "
			+ "o.audience_programs, o.audience_roles, o.prerequisites, o.protected_time_note, o.visibility, o.public_listing, "
			+ "o.cancel_cutoff_hours, o.status, o.capacity, o.seats_taken, "
			+ "(SELECT COUNT(*) FROM course_registration w WHERE w.offering_id = o.id AND w.status = 'WAITLISTED') AS waitlisted";

	// the waitlist is counted per loaded offering (index offering_id, status), not for
	// the
	// whole registration table
	private static final String OFFERING_FROM = " FROM course_offering o ";

	private final JdbcClient jdbc;

	OfferingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A session with what check-in needs. */
	public record SessionRow(Session session, String checkinSecret) {
	}

	public void insert(OfferingId id, OfferingPlan plan, int capacity, PersonId by, Instant now) {
		jdbc.sql(
				"INSERT INTO course_offering (id, title, kind, description, topic_ids, audience_types, audience_programs, "
						+ "audience_roles, prerequisites, protected_time_note, visibility, public_listing, cancel_cutoff_hours, capacity, "
						+ "status, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'OPEN',?,?,?)")
			.params(id.value(), plan.title().strip(), plan.kind().name(), plan.description().strip(),
					Codes.join(plan.topics()), Codes.join(plan.audience().traineeTypes()),
					Codes.join(plan.audience().programs()), Codes.join(plan.audience().roles()),
					blank(plan.prerequisites()), blank(plan.protectedTimeNote()), plan.visibility().name(),
					plan.publicListing(), plan.cancellationCutoffHours(), capacity, by == null ? null : by.value(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
		writeFacilitators(id, plan.facilitators());
		for (SessionPlan s : plan.sessions()) {
			insertSession(id, s);
		}
	}

	public void updateDetails(OfferingId id, OfferingPlan plan, Instant now) {
		jdbc.sql("UPDATE course_offering SET title = ?, kind = ?, description = ?, topic_ids = ?, audience_types = ?, "
				+ "audience_programs = ?, audience_roles = ?, prerequisites = ?, protected_time_note = ?, visibility = ?, "
				+ "public_listing = ?, cancel_cutoff_hours = ?, updated_at = ? WHERE id = ?")
			.params(plan.title().strip(), plan.kind().name(), plan.description().strip(), Codes.join(plan.topics()),
					Codes.join(plan.audience().traineeTypes()), Codes.join(plan.audience().programs()),
					Codes.join(plan.audience().roles()), blank(plan.prerequisites()), blank(plan.protectedTimeNote()),
					plan.visibility().name(), plan.publicListing(), plan.cancellationCutoffHours(), Timestamp.from(now),
					id.value())
			.update();
		jdbc.sql("DELETE FROM course_facilitator WHERE offering_id = ?").param(id.value()).update();
		writeFacilitators(id, plan.facilitators());
	}

	public SessionId insertSession(OfferingId offering, SessionPlan s) {
		ZoneId zone = ZoneId.of(s.timeZone().strip());
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"INSERT INTO course_session (id, offering_id, starts_at, ends_at, time_zone, place, online_link, capacity, "
						+ "status, checkin_secret) VALUES (?,?,?,?,?,?,?,?,'SCHEDULED',?)")
			.params(id, offering.value(), Timestamp.from(s.start().atZone(zone).toInstant()),
					Timestamp.from(s.end().atZone(zone).toInstant()), zone.getId(), blank(s.place()),
					blank(s.onlineLink()), s.capacity(), HexFormat.of().formatHex(secret))
			.update();
		return new SessionId(id);
	}

	public void reschedule(SessionId id, SessionPlan s) {
		ZoneId zone = ZoneId.of(s.timeZone().strip());
		jdbc.sql(
				"UPDATE course_session SET starts_at = ?, ends_at = ?, time_zone = ?, place = ?, online_link = ?, capacity = ?, "
						+ "ical_sequence = ical_sequence + 1, reminded = FALSE WHERE id = ?")
			.params(Timestamp.from(s.start().atZone(zone).toInstant()),
					Timestamp.from(s.end().atZone(zone).toInstant()), zone.getId(), blank(s.place()),
					blank(s.onlineLink()), s.capacity(), id.value())
			.update();
	}

	public void cancelSession(SessionId id) {
		jdbc.sql(
				"UPDATE course_session SET status = 'CANCELLED', ical_sequence = ical_sequence + 1 WHERE id = ? AND status <> 'CANCELLED'")
			.param(id.value())
			.update();
	}

	public void cancelOffering(OfferingId id, Instant now) {
		jdbc.sql("UPDATE course_offering SET status = 'CANCELLED', updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id.value())
			.update();
		jdbc.sql(
				"UPDATE course_session SET status = 'CANCELLED', ical_sequence = ical_sequence + 1 WHERE offering_id = ? AND status <> 'CANCELLED'")
			.param(id.value())
			.update();
	}

	/**
	 * The seat count follows the smallest scheduled session (a registrant attends every
	 * session).
	 */
	public int sessionCapacity(OfferingId id) {
		return jdbc
			.sql("SELECT COALESCE(MIN(capacity), 0) FROM course_session WHERE offering_id = ? AND status = 'SCHEDULED'")
			.param(id.value())
			.query(Integer.class)
			.single();
	}

	/**
	 * When the first scheduled session starts (registration closes then), if any is
	 * scheduled.
	 */
	public Optional<Instant> firstStart(OfferingId id) {
		return Optional
			.ofNullable(
					jdbc.sql("SELECT MIN(starts_at) FROM course_session WHERE offering_id = ? AND status = 'SCHEDULED'")
						.param(id.value())
						.query(Timestamp.class)
						.single())
			.map(Timestamp::toInstant);
	}

	public Optional<Offering> find(OfferingId id) {
		return load("WHERE o.id = ?", List.of(id.value())).stream().findFirst();
	}

	/**
	 * Offerings, open ones only unless {@code withCancelled}, optionally of one kind /
	 * public only.
	 */
	public List<Offering> all(OfferingKind kind, boolean publicOnly, boolean withCancelled) {
		StringBuilder where = new StringBuilder("WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (!withCancelled) {
			where.append(" AND o.status = 'OPEN'");
		}
		if (kind != null) {
			where.append(" AND o.kind = ?");
			params.add(kind.name());
		}
		if (publicOnly) {
			where.append(" AND o.public_listing = TRUE");
		}
		return load(where.toString(), params);
	}

	public List<Offering> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return load("WHERE o.id IN (" + String.join(",", ids.stream().map(i -> "?").toList()) + ")",
				new ArrayList<>(ids));
	}

	/** One page of catalogue ids, soonest first, and how many match in all. */
	public record IdPage(List<UUID> ids, int total) {
	}

	/**
	 * Open offerings with a scheduled session ending after {@code from}, filtered and
	 * paged in SQL (soonest first session first). {@code fitsScheduleOf} keeps the
	 * person's own offerings and those none of whose sessions overlaps one the person
	 * holds a seat in.
	 */
	public IdPage search(OfferingKind kind, Instant from, TraineeType audience, TopicId topic, PersonId fitsScheduleOf,
			boolean publicOnly, int offset, int limit) {
		StringBuilder where = new StringBuilder("WHERE o.status = 'OPEN'");
		List<Object> params = new ArrayList<>();
		if (kind != null) {
			where.append(" AND o.kind = ?");
			params.add(kind.name());
		}
		if (publicOnly) {
			where.append(" AND o.public_listing = TRUE");
		}
		if (audience != null) {
			where.append(
					" AND (o.audience_types IS NULL OR o.audience_types = '' OR ',' || o.audience_types || ',' LIKE ?)");
			params.add("%," + audience.name() + ",%");
		}
		if (topic != null) {
			where.append(" AND ',' || o.topic_ids || ',' LIKE ?");
			params.add("%," + topic.value() + ",%");
		}
		if (fitsScheduleOf != null) {
			Set<UUID> conflicting = conflicting(fitsScheduleOf);
			if (!conflicting.isEmpty()) {
				where
					.append(" AND o.id NOT IN (" + String.join(",", conflicting.stream().map(i -> "?").toList()) + ")");
				params.addAll(conflicting);
			}
		}
		params.add(Timestamp.from(from));
		params.add(limit);
		params.add(offset);
		int[] total = { 0 };
		List<UUID> ids = jdbc
			.sql("SELECT o.id, MIN(s.starts_at) AS first_start, COUNT(*) OVER () AS total FROM course_offering o "
					+ "JOIN course_session s ON s.offering_id = o.id AND s.status <> 'CANCELLED' " + where
					+ " GROUP BY o.id, o.title HAVING MAX(s.ends_at) > ? ORDER BY first_start, o.title, o.id "
					+ "LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, n) -> {
				total[0] = rs.getInt("total");
				return rs.getObject("id", UUID.class);
			})
			.list();
		if (ids.isEmpty() && offset > 0) {
			return new IdPage(List.of(), count(where.toString(), params.subList(0, params.size() - 2)));
		}
		return new IdPage(ids, total[0]);
	}

	/**
	 * Offerings with a scheduled session overlapping one of the person's seated sessions
	 * (not the person's own): the person's few sessions are read first, then only the
	 * sessions in their time span, so no overlap join runs over the whole table.
	 */
	private Set<UUID> conflicting(PersonId person) {
		List<UUID> seated = jdbc
			.sql("SELECT offering_id FROM course_registration WHERE person_id = ? AND status = 'SEATED'")
			.param(person.value())
			.query(UUID.class)
			.list();
		if (seated.isEmpty()) {
			return Set.of();
		}
		List<long[]> busy = jdbc
			.sql("SELECT starts_at, ends_at FROM course_session WHERE status <> 'CANCELLED' AND offering_id IN ("
					+ String.join(",", seated.stream().map(i -> "?").toList()) + ")")
			.params(new ArrayList<Object>(seated))
			.query((rs, n) -> new long[] { rs.getTimestamp(1).getTime(), rs.getTimestamp(2).getTime() })
			.list();
		if (busy.isEmpty()) {
			return Set.of();
		}
		long first = busy.stream().mapToLong(b -> b[0]).min().getAsLong();
		long last = busy.stream().mapToLong(b -> b[1]).max().getAsLong();
		Set<UUID> out = new java.util.HashSet<>();
		jdbc.sql("SELECT offering_id, starts_at, ends_at FROM course_session WHERE status <> 'CANCELLED' "
				+ "AND starts_at < ? AND ends_at > ?")
			.params(new Timestamp(last), new Timestamp(first))
			.query(rs -> {
				long start = rs.getTimestamp(2).getTime();
				long end = rs.getTimestamp(3).getTime();
				if (busy.stream().anyMatch(b -> start < b[1] && b[0] < end)) {
					out.add(rs.getObject(1, UUID.class));
				}
			});
		out.removeAll(seated);
		return out;
	}

	private int count(String where, List<Object> params) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM (SELECT o.id FROM course_offering o JOIN course_session s ON s.offering_id = o.id "
						+ "AND s.status <> 'CANCELLED' " + where + " GROUP BY o.id HAVING MAX(s.ends_at) > ?) m")
			.params(params)
			.query(Integer.class)
			.single();
	}

	public List<UUID> facilitatedBy(PersonId person) {
		return jdbc.sql("SELECT offering_id FROM course_facilitator WHERE person_id = ?")
			.param(person.value())
			.query(UUID.class)
			.list();
	}

	public Optional<SessionRow> session(SessionId id) {
		return jdbc.sql("SELECT s.*, s.checkin_secret AS secret FROM course_session s WHERE s.id = ?")
			.param(id.value())
			.query((rs, n) -> new SessionRow(session(rs), rs.getString("secret")))
			.optional();
	}

	/** Scheduled sessions starting in [from, to) that have not been reminded of. */
	public List<Session> unremindedBetween(Instant from, Instant to) {
		return jdbc
			.sql("SELECT s.* FROM course_session s JOIN course_offering o ON o.id = s.offering_id WHERE s.status = 'SCHEDULED' "
					+ "AND o.status = 'OPEN' AND s.reminded = FALSE AND s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> session(rs))
			.list();
	}

	public void markReminded(SessionId id) {
		jdbc.sql("UPDATE course_session SET reminded = TRUE WHERE id = ?").param(id.value()).update();
	}

	private List<Offering> load(String where, List<Object> params) {
		Map<UUID, List<Session>> sessions = new LinkedHashMap<>();
		List<Object[]> rows = jdbc.sql("SELECT " + OFFERING_COLUMNS + OFFERING_FROM + where + " ORDER BY o.title")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
		String in = String.join(",", ids.stream().map(i -> "?").toList());
		jdbc.sql("SELECT * FROM course_session WHERE offering_id IN (" + in + ") ORDER BY starts_at")
			.params(new ArrayList<Object>(ids))
			.query((rs, n) -> session(rs))
			.list()
			.forEach(s -> sessions.computeIfAbsent(s.offering().value(), k -> new ArrayList<>()).add(s));
		Map<UUID, Set<PersonId>> facilitators = new LinkedHashMap<>();
		jdbc.sql("SELECT offering_id, person_id FROM course_facilitator WHERE offering_id IN (" + in + ")")
			.params(new ArrayList<Object>(ids))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class))))
			.list()
			.forEach(e -> facilitators.computeIfAbsent(e.getKey(), k -> new java.util.HashSet<>()).add(e.getValue()));
		return rows.stream()
			.map(r -> offering(r, sessions.getOrDefault((UUID) r[0], List.of()),
					facilitators.getOrDefault((UUID) r[0], Set.of())))
			.toList();
	}

	private static Object[] row(ResultSet rs) throws SQLException {
		return new Object[] { rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("kind"),
				rs.getString("description"), rs.getString("topic_ids"), rs.getString("audience_types"),
				rs.getString("audience_programs"), rs.getString("audience_roles"), rs.getString("prerequisites"),
				rs.getString("protected_time_note"), rs.getString("visibility"), rs.getBoolean("public_listing"),
				rs.getInt("cancel_cutoff_hours"), rs.getString("status"), rs.getInt("capacity"),
				rs.getInt("seats_taken"), rs.getInt("waitlisted") };
	}

	private static Offering offering(Object[] r, List<Session> sessions, Set<PersonId> facilitators) {
		Audience audience = new Audience(Codes.set((String) r[5], TraineeType::valueOf),
				Codes.set((String) r[6], OrgUnitId::of), Codes.set((String) r[7], Role::valueOf));
		return new Offering(new OfferingId((UUID) r[0]), (String) r[1], OfferingKind.valueOf((String) r[2]),
				(String) r[3], Codes.list((String) r[4], s -> new TopicId(UUID.fromString(s))), audience, (String) r[8],
				(String) r[9], AttendanceVisibility.valueOf((String) r[10]), (Boolean) r[11], (Integer) r[12],
				facilitators, "CANCELLED".equals(r[13]), (Integer) r[14], (Integer) r[15], (Integer) r[16], sessions);
	}

	static Session session(ResultSet rs) throws SQLException {
		ZoneId zone = ZoneId.of(rs.getString("time_zone"));
		return new Session(new SessionId(rs.getObject("id", UUID.class)),
				new OfferingId(rs.getObject("offering_id", UUID.class)),
				rs.getTimestamp("starts_at").toInstant().atZone(zone),
				rs.getTimestamp("ends_at").toInstant().atZone(zone), rs.getString("place"), rs.getString("online_link"),
				rs.getInt("capacity"), "CANCELLED".equals(rs.getString("status")), rs.getInt("ical_sequence"));
	}

	private void writeFacilitators(OfferingId id, Set<PersonId> people) {
		for (PersonId p : people) {
			jdbc.sql("INSERT INTO course_facilitator (offering_id, person_id) VALUES (?, ?)")
				.params(id.value(), p.value())
				.update();
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
