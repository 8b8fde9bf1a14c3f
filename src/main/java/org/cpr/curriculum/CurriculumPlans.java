package org.cpr.curriculum;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curriculum plans per program, trainee type and academic year: an ordered sequence of topics by
 * level, copied forward to the next year as a starting point.
 */
@Service
@Transactional(readOnly = true)
public class CurriculumPlans {

    private final JdbcClient jdbc;
    private final TopicLibrary topics;
    private final Clock clock;

    CurriculumPlans(JdbcClient jdbc, TopicLibrary topics, Clock clock) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.clock = clock;
    }

    /** A plan exists already for this program, type and year. */
    public static final class PlanExists extends RuntimeException {
        public PlanExists() {
            super("plan exists");
        }
    }

    /** @throws PlanExists when the program already has a plan for this type and year */
    @Transactional
    public UUID create(OrgUnitId program, TraineeType type, int year) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO curriculum_plan (id, program_id, trainee_type, academic_year, created_at) VALUES (?,?,?,?,?)")
                .params(id, program.value(), type.name(), year, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException exists) {
            throw new PlanExists();
        }
        return id;
    }

    /** Appends a topic at a level. @throws IllegalArgumentException for an unknown plan or topic, or a bad level */
    @Transactional
    public void add(UUID plan, String level, TopicId topic) {
        if (level == null || !level.strip().matches("^[A-Za-z0-9 -]{1,20}$") || topics.find(topic).isEmpty() || find(plan).isEmpty()) {
            throw new IllegalArgumentException("invalid plan item");
        }
        int next = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM curriculum_plan_item WHERE plan_id = ?").param(plan)
                .query(Integer.class).single();
        jdbc.sql("INSERT INTO curriculum_plan_item (id, plan_id, position, level, topic_id) VALUES (?,?,?,?,?)")
            .params(UUID.randomUUID(), plan, next, level.strip().toUpperCase(), topic.value()).update();
    }

    @Transactional
    public void remove(UUID plan, UUID item) {
        jdbc.sql("DELETE FROM curriculum_plan_item WHERE id = ? AND plan_id = ?").params(item, plan).update();
    }

    /** Copies a plan to the next academic year. @throws PlanExists when that year has a plan already */
    @Transactional
    public UUID copyForward(UUID plan) {
        CurriculumPlan from = find(plan).orElseThrow(() -> new IllegalArgumentException("unknown plan"));
        UUID copy = create(from.program(), from.traineeType(), from.academicYear() + 1);
        for (CurriculumPlan.Item item : from.items()) {
            jdbc.sql("INSERT INTO curriculum_plan_item (id, plan_id, position, level, topic_id) VALUES (?,?,?,?,?)")
                .params(UUID.randomUUID(), copy, item.position(), item.level(), item.topic().value()).update();
        }
        return copy;
    }

    public Optional<CurriculumPlan> find(UUID id) {
        return jdbc.sql("SELECT id, program_id, trainee_type, academic_year FROM curriculum_plan WHERE id = ?").param(id)
            .query((rs, n) -> new CurriculumPlan(rs.getObject(1, UUID.class), new OrgUnitId(rs.getObject(2, UUID.class)),
                    TraineeType.valueOf(rs.getString(3)), rs.getInt(4), items(id))).optional();
    }

    public List<CurriculumPlan> all() {
        return jdbc.sql("SELECT id FROM curriculum_plan ORDER BY academic_year DESC, trainee_type").query(UUID.class).list().stream()
            .map(id -> find(id).orElseThrow()).toList();
    }

    private List<CurriculumPlan.Item> items(UUID plan) {
        return jdbc.sql("SELECT id, position, level, topic_id FROM curriculum_plan_item WHERE plan_id = ? ORDER BY level, position")
            .param(plan).query((rs, n) -> new CurriculumPlan.Item(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                    new TopicId(rs.getObject(4, UUID.class)))).list();
    }
}
