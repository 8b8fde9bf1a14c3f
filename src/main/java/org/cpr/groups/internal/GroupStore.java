package org.cpr.groups.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The groups module's tables, in plain SQL. */
@Repository
class GroupStore {

	public record CohortRow(UUID id, String name, UUID program, String traineeType, String level, Instant createdAt) {
	}

	public record GroupRow(UUID id, UUID cohort, String name, String sizeReason, int minRespondents) {
	}

	public record MemberRow(UUID group, PersonId person, String placement, Instant agreementAcceptedAt) {
	}

	public record MeetingRow(UUID id, UUID group, Instant start, Instant end, ZoneId zone, String place, UUID topic,
			boolean cancelled, int sequence) {
	}

	private final JdbcClient jdbc;

	GroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertCohort(CohortRow c, PersonId by, Collection<PersonId> members) {
		jdbc.sql(
				"INSERT INTO mentoring_cohort (id, name, program_id, trainee_type, training_level, created_by, created_at) VALUES (?,?,?,?,?,?,?)")
			.params(c.id(), c.name(), c.program(), c.traineeType(), c.level(), by == null ? null : by.value(),
					Timestamp.from(c.createdAt()))
			.update();
		members.forEach(p -> jdbc.sql("INSERT INTO mentoring_cohort_member (cohort_id, person_id) VALUES (?,?)")
			.params(c.id(), p.value())
			.update());
	}

	public List<CohortRow> cohorts() {
		return jdbc.sql(
				"SELECT id, name, program_id, trainee_type, training_level, created_at FROM mentoring_cohort ORDER BY created_at DESC, name")
			.query(GroupStore::cohort)
			.list();
	}

	public Optional<CohortRow> cohort(UUID id) {
		return jdbc.sql(
				"SELECT id, name, program_id, trainee_type, training_level, created_at FROM mentoring_cohort WHERE id = ?")
			.param(id)
			.query(GroupStore::cohort)
			.optional();
	}

	public List<PersonId> cohortMembers(UUID cohort) {
		return jdbc.sql("SELECT person_id FROM mentoring_cohort_member WHERE cohort_id = ?")
			.param(cohort)
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list();
	}

	public void addCohortMember(UUID cohort, PersonId person) {
		jdbc.sql("INSERT INTO mentoring_cohort_member (cohort_id, person_id) VALUES (?,?)")
			.params(cohort, person.value())
			.update();
	}

	public void removeCohortMember(UUID cohort, PersonId person) {
		jdbc.sql("DELETE FROM mentoring_cohort_member WHERE cohort_id = ? AND person_id = ?")
			.params(cohort, person.value())
			.update();
	}

	public void removeMember(UUID group, PersonId person) {
		jdbc.sql("DELETE FROM mentoring_group_member WHERE group_id = ? AND person_id = ?")
			.params(group, person.value())
			.update();
	}

	public void insertGroup(GroupRow g, Instant at) {
		jdbc.sql(
				"INSERT INTO mentoring_group (id, cohort_id, name, size_reason, min_respondents, created_at) VALUES (?,?,?,?,?,?)")
			.params(g.id(), g.cohort(), g.name(), g.sizeReason(), g.minRespondents(), Timestamp.from(at))
			.update();
	}

	public void setSizeReason(UUID group, String reason) {
		jdbc.sql("UPDATE mentoring_group SET size_reason = ? WHERE id = ?").params(reason, group).update();
	}

	public void addLeader(UUID group, PersonId leader) {
		jdbc.sql("INSERT INTO mentoring_group_leader (group_id, person_id) VALUES (?,?)")
			.params(group, leader.value())
			.update();
	}

	public void addMember(UUID group, UUID cohort, PersonId person, String placement) {
		jdbc.sql("INSERT INTO mentoring_group_member (group_id, cohort_id, person_id, placement) VALUES (?,?,?,?)")
			.params(group, cohort, person.value(), placement)
			.update();
	}

	/**
	 * Moves a member to another group of the same cohort; a new group asks for the
	 * agreement again.
	 */
	public boolean moveMember(UUID from, UUID to, PersonId person, String placement) {
		return jdbc.sql(
				"UPDATE mentoring_group_member SET group_id = ?, placement = ?, agreement_accepted_at = NULL WHERE group_id = ? AND person_id = ?")
			.params(to, placement, from, person.value())
			.update() == 1;
	}

	public List<GroupRow> groupsOfCohort(UUID cohort) {
		return jdbc.sql(
				"SELECT id, cohort_id, name, size_reason, min_respondents FROM mentoring_group WHERE cohort_id = ? ORDER BY name")
			.param(cohort)
			.query(GroupStore::group)
			.list();
	}

	public Optional<GroupRow> group(UUID id) {
		return jdbc.sql("SELECT id, cohort_id, name, size_reason, min_respondents FROM mentoring_group WHERE id = ?")
			.param(id)
			.query(GroupStore::group)
			.optional();
	}

	public List<GroupRow> groupsLedBy(PersonId leader) {
		return jdbc
			.sql("SELECT g.id, g.cohort_id, g.name, g.size_reason, g.min_respondents FROM mentoring_group g "
					+ "JOIN mentoring_group_leader l ON l.group_id = g.id WHERE l.person_id = ? ORDER BY g.name")
			.param(leader.value())
			.query(GroupStore::group)
			.list();
	}

	public List<GroupRow> groupsOfMember(PersonId member) {
		return jdbc
			.sql("SELECT g.id, g.cohort_id, g.name, g.size_reason, g.min_respondents FROM mentoring_group g "
					+ "JOIN mentoring_group_member m ON m.group_id = g.id WHERE m.person_id = ? ORDER BY g.name")
			.param(member.value())
			.query(GroupStore::group)
			.list();
	}

	public List<PersonId> leaders(UUID group) {
		return jdbc.sql("SELECT person_id FROM mentoring_group_leader WHERE group_id = ? ORDER BY person_id")
			.param(group)
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list();
	}

	public List<MemberRow> members(UUID group) {
		return jdbc.sql(
				"SELECT group_id, person_id, placement, agreement_accepted_at FROM mentoring_group_member WHERE group_id = ?")
			.param(group)
			.query(GroupStore::member)
			.list();
	}

	public Optional<MemberRow> membership(UUID group, PersonId person) {
		return jdbc.sql(
				"SELECT group_id, person_id, placement, agreement_accepted_at FROM mentoring_group_member WHERE group_id = ? AND person_id = ?")
			.params(group, person.value())
			.query(GroupStore::member)
			.optional();
	}

	public boolean acceptAgreement(UUID group, PersonId person, Instant at) {
		return jdbc.sql(
				"UPDATE mentoring_group_member SET agreement_accepted_at = ? WHERE group_id = ? AND person_id = ? AND agreement_accepted_at IS NULL")
			.params(Timestamp.from(at), group, person.value())
			.update() == 1;
	}

	public Set<PersonId> conflictsOf(PersonId member) {
		return Set.copyOf(jdbc.sql("SELECT leader_id FROM mentoring_conflict WHERE member_id = ?")
			.param(member.value())
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list());
	}

	public Map<PersonId, List<PersonId>> allConflicts() {
		Map<PersonId, List<PersonId>> all = new LinkedHashMap<>();
		jdbc.sql("SELECT member_id, leader_id FROM mentoring_conflict")
			.query((rs, n) -> Map.entry(new PersonId(rs.getObject(1, UUID.class)),
					new PersonId(rs.getObject(2, UUID.class))))
			.list()
			.forEach(e -> all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return all;
	}

	/** Adds a conflict unless it is known; true if added now. */
	public boolean addConflict(PersonId member, PersonId leader, PersonId by, Instant at) {
		boolean known = jdbc.sql("SELECT COUNT(*) FROM mentoring_conflict WHERE member_id = ? AND leader_id = ?")
			.params(member.value(), leader.value())
			.query(Long.class)
			.single() > 0;
		if (known) {
			return false;
		}
		jdbc.sql("INSERT INTO mentoring_conflict (member_id, leader_id, added_by, added_at) VALUES (?,?,?,?)")
			.params(member.value(), leader.value(), by == null ? null : by.value(), Timestamp.from(at))
			.update();
		return true;
	}

	public void insertMeeting(MeetingRow m) {
		jdbc.sql(
				"INSERT INTO mentoring_meeting (id, group_id, starts_at, ends_at, time_zone, place, topic_id) VALUES (?,?,?,?,?,?,?)")
			.params(m.id(), m.group(), Timestamp.from(m.start()), Timestamp.from(m.end()), m.zone().getId(), m.place(),
					m.topic())
			.update();
	}

	/**
	 * Moves a planned meeting and sets its topic; the calendar entry's SEQUENCE goes up
	 * so calendars replace the old one.
	 */
	public boolean updateMeeting(UUID meeting, Instant start, Instant end, UUID topic) {
		return jdbc
			.sql("UPDATE mentoring_meeting SET starts_at = ?, ends_at = ?, topic_id = ?,"
					+ " ical_sequence = ical_sequence + 1 WHERE id = ? AND cancelled = FALSE")
			.params(Timestamp.from(start), Timestamp.from(end), topic, meeting)
			.update() == 1;
	}

	public boolean cancelMeeting(UUID meeting) {
		return jdbc.sql(
				"UPDATE mentoring_meeting SET cancelled = TRUE, ical_sequence = ical_sequence + 1 WHERE id = ? AND cancelled = FALSE")
			.param(meeting)
			.update() == 1;
	}

	public List<MeetingRow> meetings(UUID group) {
		return jdbc.sql(
				"SELECT id, group_id, starts_at, ends_at, time_zone, place, topic_id, cancelled, ical_sequence FROM mentoring_meeting "
						+ "WHERE group_id = ? ORDER BY starts_at")
			.param(group)
			.query(GroupStore::meeting)
			.list();
	}

	public List<MeetingRow> meetingsOfGroups(Collection<UUID> groups) {
		if (groups.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(
				"SELECT id, group_id, starts_at, ends_at, time_zone, place, topic_id, cancelled, ical_sequence FROM mentoring_meeting "
						+ "WHERE group_id IN (:groups) ORDER BY starts_at")
			.param("groups", groups)
			.query(GroupStore::meeting)
			.list();
	}

	public Optional<MeetingRow> meeting(UUID id) {
		return jdbc.sql(
				"SELECT id, group_id, starts_at, ends_at, time_zone, place, topic_id, cancelled, ical_sequence FROM mentoring_meeting WHERE id = ?")
			.param(id)
			.query(GroupStore::meeting)
			.optional();
	}

	/** Attendance ids (opaque units for gated counts) per meeting of the groups. */
	public Map<UUID, List<UUID>> attendanceByMeeting(Collection<UUID> groups) {
		Map<UUID, List<UUID>> found = new LinkedHashMap<>();
		if (groups.isEmpty()) {
			return found;
		}
		jdbc.sql(
				"SELECT a.meeting_id, a.id FROM mentoring_attendance a JOIN mentoring_meeting m ON m.id = a.meeting_id WHERE m.group_id IN (:groups)")
			.param("groups", groups)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return found;
	}

	public Set<PersonId> present(UUID meeting) {
		return Set.copyOf(jdbc.sql("SELECT person_id FROM mentoring_attendance WHERE meeting_id = ?")
			.param(meeting)
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list());
	}

	public void markPresent(UUID meeting, PersonId person) {
		jdbc.sql("INSERT INTO mentoring_attendance (id, meeting_id, person_id) VALUES (?,?,?)")
			.params(UUID.randomUUID(), meeting, person.value())
			.update();
	}

	public void markAbsent(UUID meeting, PersonId person) {
		jdbc.sql("DELETE FROM mentoring_attendance WHERE meeting_id = ? AND person_id = ?")
			.params(meeting, person.value())
			.update();
	}

	/** People who attended at least one meeting that started in [from, to). */
	public Set<PersonId> attendedBetween(Instant from, Instant to) {
		return Set.copyOf(jdbc.sql(
				"SELECT DISTINCT a.person_id FROM mentoring_attendance a JOIN mentoring_meeting m ON m.id = a.meeting_id "
						+ "WHERE m.starts_at >= ? AND m.starts_at < ? AND m.cancelled = FALSE")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list());
	}

	public void insertReferral(UUID id, UUID group, PersonId leader, PersonId member, String basis, UUID alert,
			Instant at) {
		jdbc.sql(
				"INSERT INTO mentoring_referral (id, group_id, leader_id, member_id, basis, alert_id, created_at) VALUES (?,?,?,?,?,?,?)")
			.params(id, group, leader.value(), member.value(), basis, alert, Timestamp.from(at))
			.update();
	}

	private static CohortRow cohort(ResultSet rs, int n) throws SQLException {
		return new CohortRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
				rs.getString(5), rs.getTimestamp(6).toInstant());
	}

	private static GroupRow group(ResultSet rs, int n) throws SQLException {
		return new GroupRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getInt(5));
	}

	private static MemberRow member(ResultSet rs, int n) throws SQLException {
		Timestamp accepted = rs.getTimestamp(4);
		return new MemberRow(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)), rs.getString(3),
				accepted == null ? null : accepted.toInstant());
	}

	private static MeetingRow meeting(ResultSet rs, int n) throws SQLException {
		return new MeetingRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
				rs.getTimestamp(4).toInstant(), ZoneId.of(rs.getString(5)), rs.getString(6),
				rs.getObject(7, UUID.class), rs.getBoolean(8), rs.getInt(9));
	}

}
