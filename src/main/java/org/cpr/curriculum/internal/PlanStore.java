package org.cpr.curriculum.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.curriculum.CurriculumPlan;
import org.cpr.curriculum.TopicId;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Curriculum plans and their items (plain SQL). */
@Repository
class PlanStore {

	private final JdbcClient jdbc;

	PlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when the program has a plan
	 * for that type and year
	 */
	public void insert(UUID id, OrgUnitId program, TraineeType type, int year, Instant now) {
		jdbc.sql(
				"INSERT INTO curriculum_plan (id, program_id, trainee_type, academic_year, created_at) VALUES (?,?,?,?,?)")
			.params(id, program.value(), type.name(), year, Timestamp.from(now))
			.update();
	}

	public void addItem(UUID plan, Integer position, String level, TopicId topic) {
		int at = position != null ? position
				: jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM curriculum_plan_item WHERE plan_id = ?")
					.param(plan)
					.query(Integer.class)
					.single();
		jdbc.sql("INSERT INTO curriculum_plan_item (id, plan_id, position, level, topic_id) VALUES (?,?,?,?,?)")
			.params(UUID.randomUUID(), plan, at, level, topic.value())
			.update();
	}

	public void removeItem(UUID plan, UUID item) {
		jdbc.sql("DELETE FROM curriculum_plan_item WHERE id = ? AND plan_id = ?").params(item, plan).update();
	}

	public Optional<CurriculumPlan> find(UUID id) {
		return jdbc.sql("SELECT id, program_id, trainee_type, academic_year FROM curriculum_plan WHERE id = ?")
			.param(id)
			.query((rs, n) -> new CurriculumPlan(rs.getObject(1, UUID.class),
					new OrgUnitId(rs.getObject(2, UUID.class)), TraineeType.valueOf(rs.getString(3)), rs.getInt(4),
					items(id)))
			.optional();
	}

	public List<UUID> ids() {
		return jdbc.sql("SELECT id FROM curriculum_plan ORDER BY academic_year DESC, trainee_type")
			.query(UUID.class)
			.list();
	}

	private List<CurriculumPlan.Item> items(UUID plan) {
		return jdbc.sql(
				"SELECT id, position, level, topic_id FROM curriculum_plan_item WHERE plan_id = ? ORDER BY level, position")
			.param(plan)
			.query((rs, n) -> new CurriculumPlan.Item(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					new TopicId(rs.getObject(4, UUID.class))))
			.list();
	}

}
