package org.cpr.peersupport.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.peersupport.Encounter;
import org.cpr.peersupport.EncounterEntry;
import org.cpr.peersupport.EventType;
import org.cpr.peersupport.PeerRequest;
import org.cpr.peersupport.PeerRequestId;
import org.cpr.peersupport.RequestKind;
import org.cpr.peersupport.RequestStatus;
import org.cpr.peersupport.DurationBand;
import org.cpr.peersupport.EncounterType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests, the events behind reach-ins, and the encounter log. State changes are guarded
 * by the expected status.
 */
@Repository
class RequestStore {

	private static final String SELECT = """
			SELECT r.*, e.event_type, e.event_date FROM peer_request r LEFT JOIN peer_event e ON e.id = r.event_id
			""";

	private final JdbcClient jdbc;

	RequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID insertEvent(EventType type, LocalDate date, PersonId filedBy, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO peer_event (id, event_type, event_date, filed_by, filed_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, type.name(), Date.valueOf(date), filedBy.value(), Timestamp.from(now))
			.update();
		return id;
	}

	public void insert(PeerRequest r) {
		jdbc.sql(
				"""
						INSERT INTO peer_request (id, kind, person_id, filed_by, event_id, language, profession, department_id, status,
						                          proposed_supporter, filed_at, due_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id().value(), r.kind().name(), r.person().value(), r.filedBy().value(), r.eventId(), r.language(),
					r.profession() == null ? null : r.profession().name(),
					r.department() == null ? null : r.department().value(), r.status().name(),
					r.proposedSupporter() == null ? null : r.proposedSupporter().value(), Timestamp.from(r.filedAt()),
					Timestamp.from(r.dueAt()))
			.update();
	}

	public Optional<PeerRequest> find(PeerRequestId id) {
		return jdbc.sql(SELECT + " WHERE r.id = ?").param(id.value()).query(RequestStore::request).optional();
	}

	/**
	 * Whether the person already has an open request (a second one would be a double
	 * assignment).
	 */
	public boolean hasOpen(PersonId person) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM peer_request WHERE person_id = ? AND status IN ('AWAITING_CONFIRMATION','ASSIGNED','CONTACTED')")
			.param(person.value())
			.query(Long.class)
			.single() > 0;
	}

	public Set<PersonId> involvedIn(UUID eventId) {
		if (eventId == null) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT person_id FROM peer_request WHERE event_id = ?")
			.param(eventId)
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list());
	}

	public boolean assign(PeerRequestId id, PersonId supporter, Instant now) {
		return jdbc.sql(
				"UPDATE peer_request SET status = 'ASSIGNED', supporter_id = ?, assigned_at = ?, version = version + 1 "
						+ "WHERE id = ? AND status = 'AWAITING_CONFIRMATION' AND supporter_id IS NULL")
			.params(supporter.value(), Timestamp.from(now), id.value())
			.update() == 1;
	}

	public void propose(PeerRequestId id, PersonId supporter) {
		jdbc.sql("UPDATE peer_request SET proposed_supporter = ? WHERE id = ? AND status = 'AWAITING_CONFIRMATION'")
			.params(supporter == null ? null : supporter.value(), id.value())
			.update();
	}

	public boolean contacted(PeerRequestId id, PersonId supporter, Instant now) {
		return jdbc
			.sql("UPDATE peer_request SET status = 'CONTACTED', first_contact_at = COALESCE(first_contact_at, ?), "
					+ "version = version + 1 WHERE id = ? AND supporter_id = ? AND status = 'ASSIGNED'")
			.params(Timestamp.from(now), id.value(), supporter.value())
			.update() == 1;
	}

	public boolean declined(PeerRequestId id, PersonId supporter, Instant now) {
		return jdbc
			.sql("UPDATE peer_request SET status = 'DECLINED', closed_at = ?, version = version + 1 "
					+ "WHERE id = ? AND supporter_id = ? AND status IN ('ASSIGNED', 'CONTACTED')")
			.params(Timestamp.from(now), id.value(), supporter.value())
			.update() == 1;
	}

	public boolean closed(PeerRequestId id, PersonId supporter, Instant now) {
		return jdbc
			.sql("UPDATE peer_request SET status = 'CLOSED', closed_at = ?, version = version + 1 "
					+ "WHERE id = ? AND supporter_id = ? AND status = 'CONTACTED'")
			.params(Timestamp.from(now), id.value(), supporter.value())
			.update() == 1;
	}

	/** Marks every overdue, unescalated request escalated; returns their ids. */
	public List<PeerRequestId> escalateOverdue(Instant now) {
		List<PeerRequestId> due = jdbc
			.sql("SELECT id FROM peer_request WHERE escalated_at IS NULL AND first_contact_at IS NULL "
					+ "AND status IN ('AWAITING_CONFIRMATION', 'ASSIGNED') AND due_at < ? ORDER BY due_at")
			.param(Timestamp.from(now))
			.query((rs, n) -> new PeerRequestId(rs.getObject(1, UUID.class)))
			.list();
		for (PeerRequestId id : due) {
			jdbc.sql("UPDATE peer_request SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
				.params(Timestamp.from(now), id.value())
				.update();
		}
		return due;
	}

	/** The coordinator's queue: open requests, overdue first, then by due time. */
	public List<PeerRequest> open() {
		return jdbc
			.sql(SELECT + " WHERE r.status IN ('AWAITING_CONFIRMATION','ASSIGNED','CONTACTED') ORDER BY r.due_at, r.id")
			.query(RequestStore::request)
			.list();
	}

	public List<PeerRequest> ofSupporter(PersonId supporter) {
		return jdbc
			.sql(SELECT + " WHERE r.supporter_id = ? AND r.status IN ('ASSIGNED','CONTACTED') ORDER BY r.due_at, r.id")
			.param(supporter.value())
			.query(RequestStore::request)
			.list();
	}

	/**
	 * Referrals filed by {@code filer} for others: whom, when, and whether contact was
	 * made (nothing else). A referral that joined an open request counts only contact
	 * made after it was filed, so the referrer cannot learn that the person was already
	 * in touch with a peer.
	 */
	public List<org.cpr.peersupport.PeerRequests.ReferredCase> filedBy(PersonId filer) {
		return jdbc
			.sql("""
					SELECT r.id, r.person_id, r.kind, r.filed_at,
					       COALESCE(CASE WHEN m.first_contact_at >= r.filed_at THEN m.first_contact_at END,
					                (SELECT MIN(e.recorded_at) FROM peer_encounter e WHERE e.request_id = r.merged_into AND e.recorded_at >= r.filed_at),
					                r.first_contact_at) AS contact
					FROM peer_request r LEFT JOIN peer_request m ON m.id = r.merged_into
					WHERE r.filed_by = ? AND r.person_id <> ? ORDER BY r.filed_at DESC LIMIT 100""")
			.params(filer.value(), filer.value())
			.query((rs, n) -> new org.cpr.peersupport.PeerRequests.ReferredCase(
					new PeerRequestId(rs.getObject(1, UUID.class)), new PersonId(rs.getObject(2, UUID.class)),
					RequestKind.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) != null ? org.cpr.peersupport.ReferrerView.CONTACT_MADE
							: org.cpr.peersupport.ReferrerView.NOT_YET))
			.list();
	}

	/** The person's open request, if any. */
	public Optional<PeerRequestId> openOf(PersonId person) {
		return jdbc.sql(
				"SELECT id FROM peer_request WHERE person_id = ? AND status IN ('AWAITING_CONFIRMATION','ASSIGNED','CONTACTED') "
						+ "ORDER BY filed_at LIMIT 1")
			.param(person.value())
			.query((rs, n) -> new PeerRequestId(rs.getObject(1, UUID.class)))
			.optional();
	}

	/**
	 * Records a referral for someone whose request is already open: it joins that request
	 * and needs no supporter of its own.
	 */
	public void insertMerged(PeerRequest r, PeerRequestId into) {
		insert(r);
		jdbc.sql("UPDATE peer_request SET status = 'CLOSED', closed_at = filed_at, merged_into = ? WHERE id = ?")
			.params(into.value(), r.id().value())
			.update();
	}

	public List<PeerRequest> ofPerson(PersonId person) {
		return jdbc
			.sql(SELECT + " WHERE r.person_id = ? AND r.kind = 'SELF_REFERRAL' ORDER BY r.filed_at DESC LIMIT 20")
			.param(person.value())
			.query(RequestStore::request)
			.list();
	}

	public UUID insertEncounter(PeerRequestId request, PersonId supporter, EncounterEntry e, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO peer_encounter (id, request_id, supporter_id, occurred_on, duration_band, encounter_type,
				                            referred_directory, referred_clinician, referred_eap, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, request.value(), supporter.value(), Date.valueOf(e.occurredOn()), e.duration().name(),
					e.type().name(), e.referredDirectory(), e.referredClinician(), e.referredEap(), Timestamp.from(now))
			.update();
		return id;
	}

	public List<Encounter> encounters(PeerRequestId request) {
		return jdbc.sql("SELECT * FROM peer_encounter WHERE request_id = ? ORDER BY occurred_on, recorded_at")
			.param(request.value())
			.query((rs, n) -> new Encounter(rs.getObject("id", UUID.class), request,
					rs.getDate("occurred_on").toLocalDate(), DurationBand.valueOf(rs.getString("duration_band")),
					EncounterType.valueOf(rs.getString("encounter_type")), rs.getBoolean("referred_directory"),
					rs.getBoolean("referred_clinician"), rs.getBoolean("referred_eap")))
			.list();
	}

	/**
	 * Encounters on days {@code from} to {@code toExclusive}: the reach evaluation counts
	 * (contacts, not people).
	 */
	public long encounterCount(LocalDate from, LocalDate toExclusive) {
		return jdbc.sql("SELECT COUNT(*) FROM peer_encounter WHERE occurred_on >= ? AND occurred_on < ?")
			.params(Date.valueOf(from), Date.valueOf(toExclusive))
			.query(Long.class)
			.single();
	}

	/** Open requests per supporter, for the matching rules' load. */
	public java.util.Map<PersonId, Integer> loads() {
		java.util.Map<PersonId, Integer> loads = new java.util.HashMap<>();
		jdbc.sql("SELECT supporter_id, COUNT(*) FROM peer_request WHERE status IN ('ASSIGNED','CONTACTED') "
				+ "AND supporter_id IS NOT NULL GROUP BY supporter_id")
			.query(rs -> {
				loads.put(new PersonId(rs.getObject(1, UUID.class)), rs.getInt(2));
			});
		return loads;
	}

	private static PeerRequest request(ResultSet rs, int n) throws SQLException {
		String eventType = rs.getString("event_type");
		Date eventDate = rs.getDate("event_date");
		String profession = rs.getString("profession");
		UUID department = rs.getObject("department_id", UUID.class);
		return new PeerRequest(new PeerRequestId(rs.getObject("id", UUID.class)),
				RequestKind.valueOf(rs.getString("kind")), person(rs, "person_id"), person(rs, "filed_by"),
				rs.getObject("event_id", UUID.class), eventType == null ? null : EventType.valueOf(eventType),
				eventDate == null ? null : eventDate.toLocalDate(), rs.getString("language"),
				profession == null ? null : TraineeType.valueOf(profession),
				department == null ? null : new OrgUnitId(department), RequestStatus.valueOf(rs.getString("status")),
				person(rs, "proposed_supporter"), person(rs, "supporter_id"), instant(rs, "filed_at"),
				instant(rs, "due_at"), instant(rs, "assigned_at"), instant(rs, "first_contact_at"),
				instant(rs, "escalated_at"));
	}

	private static PersonId person(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new PersonId(id);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
