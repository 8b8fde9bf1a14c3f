package org.cpr.evaluation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.AnnualReport;
import org.cpr.evaluation.AnnualReport.Action;
import org.cpr.evaluation.AnnualReport.ActionStatus;
import org.cpr.evaluation.AnnualReport.Goal;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commentary, goals and actions. */
@Repository
class EvaluationPlanStore {

	private final JdbcClient jdbc;

	EvaluationPlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	AnnualReport.Commentary commentary(AcademicYear year) {
		return jdbc.sql("SELECT body, updated_at FROM evaluation_commentary WHERE academic_year = ?")
			.param(year.startYear())
			.query((rs, n) -> new AnnualReport.Commentary(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.orElse(new AnnualReport.Commentary("", null));
	}

	void saveCommentary(AcademicYear year, String body, PersonId by, Instant at) {
		int updated = jdbc
			.sql("UPDATE evaluation_commentary SET body = ?, updated_by = ?, updated_at = ? WHERE academic_year = ?")
			.params(body, by.value(), Timestamp.from(at), year.startYear())
			.update();
		if (updated == 0) {
			jdbc.sql(
					"INSERT INTO evaluation_commentary (academic_year, body, updated_by, updated_at) VALUES (?, ?, ?, ?)")
				.params(year.startYear(), body, by.value(), Timestamp.from(at))
				.update();
		}
	}

	UUID addGoal(AcademicYear year, String statement, String finding, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"INSERT INTO evaluation_goal (id, academic_year, statement, finding, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, year.startYear(), statement, finding, Timestamp.from(at))
			.update();
		return id;
	}

	boolean goalExists(UUID goal) {
		return jdbc.sql("SELECT COUNT(*) FROM evaluation_goal WHERE id = ?").param(goal).query(Long.class).single() > 0;
	}

	UUID addAction(UUID goal, String description, String owner, LocalDate due, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO evaluation_action (id, goal_id, description, owner_name, due_on, status, created_at)
				VALUES (?, ?, ?, ?, ?, 'PLANNED', ?)""")
			.params(id, goal, description, owner, Date.valueOf(due), Timestamp.from(at))
			.update();
		return id;
	}

	boolean review(UUID action, ActionStatus status, String note, Instant at) {
		return jdbc.sql("UPDATE evaluation_action SET status = ?, review_note = ?, reviewed_at = ? WHERE id = ?")
			.params(status.name(), note, Timestamp.from(at), action)
			.update() > 0;
	}

	AnnualReport.Plan plan(AcademicYear year) {
		Map<UUID, Goal> goals = new LinkedHashMap<>();
		jdbc.sql("SELECT id, statement, finding FROM evaluation_goal WHERE academic_year = ? ORDER BY created_at, id")
			.param(year.startYear())
			.query((rs, n) -> new Goal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					new ArrayList<>()))
			.list()
			.forEach(g -> goals.put(g.id(), g));
		if (!goals.isEmpty()) {
			jdbc.sql(
					"""
							SELECT a.id, a.goal_id, a.description, a.owner_name, a.due_on, a.status, a.review_note, a.reviewed_at
							FROM evaluation_action a JOIN evaluation_goal g ON g.id = a.goal_id WHERE g.academic_year = ?
							ORDER BY a.due_on, a.created_at, a.id""")
				.param(year.startYear())
				.query(rs -> {
					Timestamp reviewed = rs.getTimestamp(8);
					goals.get(rs.getObject(2, UUID.class))
						.actions()
						.add(new Action(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
								rs.getDate(5).toLocalDate(), ActionStatus.valueOf(rs.getString(6)), rs.getString(7),
								reviewed == null ? null : reviewed.toInstant()));
				});
		}
		List<Goal> list = goals.values()
			.stream()
			.map(g -> new Goal(g.id(), g.statement(), g.finding(), List.copyOf(g.actions())))
			.toList();
		return new AnnualReport.Plan(year, list);
	}

	Optional<Integer> yearOfGoal(UUID goal) {
		return jdbc.sql("SELECT academic_year FROM evaluation_goal WHERE id = ?")
			.param(goal)
			.query(Integer.class)
			.optional();
	}

}
