package org.cpr.evaluation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes attendance and snapshot scores as the courses and assessment modules store them,
 * in an academic year no other test uses, so evaluation reads them through the modules'
 * real beans.
 */
public final class EvaluationFixtures {

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	public EvaluationFixtures(JdbcClient jdbc, IdentityManagement identity) {
		this.jdbc = jdbc;
		this.identity = identity;
	}

	CprUser signedIn(String username, Role role, String unitCode) {
		PersonSummary p = identity.byUsername(username).orElseThrow();
		return new CprUser(p.id(), username, null, p.displayName(), Set.of(new ScopedRole(role, unit(unitCode).id())),
				false, true);
	}

	OrgUnitSummary unit(String code) {
		return identity.orgUnits().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
	}

	/** Active people of a program, in a stable order. */
	public List<PersonSummary> programPeople(String code) {
		return identity.audience(Set.of(unit(code).id()), Set.of(), Set.of())
			.stream()
			.filter(p -> unit(code).id().equals(p.program()))
			.sorted(java.util.Comparator.comparing(PersonSummary::username))
			.toList();
	}

	/**
	 * One offering of {@code kind} with one session on {@code day}, attended by
	 * {@code people}.
	 */
	public void attended(String kind, LocalDate day, List<PersonId> people) {
		UUID offering = UUID.randomUUID();
		UUID session = UUID.randomUUID();
		Timestamp start = Timestamp.from(day.atTime(17, 0).toInstant(ZoneOffset.UTC));
		jdbc.sql(
				"""
						INSERT INTO course_offering (id, title, kind, description, visibility, public_listing, cancel_cutoff_hours,
						  capacity, status, created_at, updated_at) VALUES (?, 'Evaluation fixture', ?, 'fixture', 'REPORTED_TO_PROGRAM',
						  FALSE, 24, 50, 'OPEN', ?, ?)""")
			.params(offering, kind, start, start)
			.update();
		jdbc.sql(
				"""
						INSERT INTO course_session (id, offering_id, starts_at, ends_at, time_zone, capacity, status, checkin_secret)
						VALUES (?, ?, ?, ?, 'UTC', 50, 'SCHEDULED', 'fixture')""")
			.params(session, offering, start, new Timestamp(start.getTime() + 3_600_000))
			.update();
		for (PersonId p : people) {
			jdbc.sql(
					"INSERT INTO course_attendance (id, session_id, person_id, checked_in_at, method) VALUES (?, ?, ?, ?, 'ROLL_CALL')")
				.params(UUID.randomUUID(), session, p.value(), start)
				.update();
		}
	}

	/** A snapshot with one WHO-5 score. */
	public void who5(PersonId person, LocalDate day, double score) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO assessment_submission (id, person_id, submitted_at, key_hash, payload_hash, high_risk, safety_state)
						VALUES (?, ?, ?, ?, ?, FALSE, 'NONE')""")
			.params(id, person.value(), Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)),
					id.toString().replace("-", "").repeat(2), "fixture")
			.update();
		jdbc.sql(
				"""
						INSERT INTO assessment_result (submission_id, position, instrument_id, version_id, score, band, flags, answers)
						VALUES (?, 2, 'who-5', ?, ?, NULL, '', '{}')""")
			.params(id, UUID.randomUUID(), score)
			.update();
	}

}
