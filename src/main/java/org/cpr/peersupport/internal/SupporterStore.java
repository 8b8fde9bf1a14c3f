package org.cpr.peersupport.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.peersupport.RosterEntry;
import org.cpr.peersupport.SupporterProfile;
import org.cpr.peersupport.Training;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roster tables: supporters, their training and their own check-ins. */
@Repository
class SupporterStore {

	private static final String SELECT = """
			SELECT s.*, (SELECT COUNT(*) FROM peer_request r WHERE r.supporter_id = s.person_id
			             AND r.status IN ('ASSIGNED', 'CONTACTED')) AS current_load,
			       t.course, t.completed_on, t.refresher_due
			FROM peer_supporter s
			LEFT JOIN peer_training t ON t.id = (SELECT t2.id FROM peer_training t2 WHERE t2.supporter_id = s.person_id
			                                     ORDER BY t2.refresher_due DESC, t2.id LIMIT 1)
			""";

	private final JdbcClient jdbc;

	SupporterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean exists(PersonId person) {
		return jdbc.sql("SELECT COUNT(*) FROM peer_supporter WHERE person_id = ?")
			.param(person.value())
			.query(Long.class)
			.single() > 0;
	}

	public void insert(PersonId person, RosterEntry e, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO peer_supporter (person_id, profession, specialty, site_id, languages, available, max_load, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(person.value(), e.profession().name(), e.specialty(), e.site() == null ? null : e.site().value(),
					String.join(",", e.languages()), e.available(), e.maxLoad(), Timestamp.from(now))
			.update();
	}

	public void update(PersonId person, RosterEntry e) {
		jdbc.sql(
				"""
						UPDATE peer_supporter SET profession = ?, specialty = ?, site_id = ?, languages = ?, available = ?, max_load = ?
						WHERE person_id = ?""")
			.params(e.profession().name(), e.specialty(), e.site() == null ? null : e.site().value(),
					String.join(",", e.languages()), e.available(), e.maxLoad(), person.value())
			.update();
	}

	public void addTraining(PersonId person, Training t) {
		jdbc.sql(
				"INSERT INTO peer_training (id, supporter_id, course, completed_on, refresher_due) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), person.value(), t.course(), Date.valueOf(t.completedOn()),
					Date.valueOf(t.refresherDue()))
			.update();
	}

	public List<Training> trainings(PersonId person) {
		return jdbc.sql(
				"SELECT course, completed_on, refresher_due FROM peer_training WHERE supporter_id = ? ORDER BY completed_on DESC")
			.param(person.value())
			.query((rs, n) -> new Training(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()))
			.list();
	}

	public void pause(PersonId person, LocalDate until) {
		jdbc.sql("UPDATE peer_supporter SET paused_until = ? WHERE person_id = ?")
			.params(until == null ? null : Date.valueOf(until), person.value())
			.update();
	}

	public List<SupporterProfile> all() {
		return jdbc.sql(SELECT + " ORDER BY s.created_at, s.person_id").query(SupporterStore::profile).list();
	}

	public Optional<SupporterProfile> find(PersonId person) {
		return jdbc.sql(SELECT + " WHERE s.person_id = ?")
			.param(person.value())
			.query(SupporterStore::profile)
			.optional();
	}

	public void checkIn(PersonId person, LocalDate day, int wellbeing, boolean wantsDebrief) {
		jdbc.sql(
				"INSERT INTO peer_supporter_checkin (id, supporter_id, checked_on, wellbeing, wants_debrief) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), person.value(), Date.valueOf(day), wellbeing, wantsDebrief)
			.update();
	}

	/** The supporter's own check-ins, newest first. */
	public List<org.cpr.peersupport.SupporterCheckin> checkins(PersonId person) {
		return jdbc
			.sql("SELECT checked_on, wellbeing, wants_debrief FROM peer_supporter_checkin WHERE supporter_id = ? "
					+ "ORDER BY checked_on DESC, id LIMIT 50")
			.param(person.value())
			.query((rs, n) -> new org.cpr.peersupport.SupporterCheckin(rs.getDate(1).toLocalDate(), rs.getInt(2),
					rs.getBoolean(3)))
			.list();
	}

	private static SupporterProfile profile(ResultSet rs, int n) throws SQLException {
		UUID site = rs.getObject("site_id", UUID.class);
		Date paused = rs.getDate("paused_until");
		String course = rs.getString("course");
		Training training = course == null ? null : new Training(course, rs.getDate("completed_on").toLocalDate(),
				rs.getDate("refresher_due").toLocalDate());
		String languages = rs.getString("languages");
		return new SupporterProfile(new PersonId(rs.getObject("person_id", UUID.class)),
				TraineeType.valueOf(rs.getString("profession")), rs.getString("specialty"),
				site == null ? null : new OrgUnitId(site),
				languages.isBlank() ? List.of() : Arrays.asList(languages.split(",")), rs.getBoolean("available"),
				rs.getInt("max_load"), paused == null ? null : paused.toLocalDate(), rs.getInt("current_load"),
				training);
	}

}
