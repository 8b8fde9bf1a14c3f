package org.cpr.curriculum.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.curriculum.CurriculumPlan;
import org.cpr.curriculum.CurriculumPlans;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curriculum plans as SQL over {@code curriculum_plan} and its items.
 */
@Service("curriculumPlans")
@Transactional(readOnly = true)
class CurriculumPlanService implements CurriculumPlans {

	private final PlanStore store;

	private final TopicLibrary topics;

	private final Clock clock;

	CurriculumPlanService(PlanStore store, TopicLibrary topics, Clock clock) {
		this.store = store;
		this.topics = topics;
		this.clock = clock;
	}

	@Override
	@Transactional
	public UUID create(OrgUnitId program, TraineeType type, int year) {
		UUID id = UUID.randomUUID();
		try {
			store.insert(id, program, type, year, clock.instant());
		}
		catch (DuplicateKeyException exists) {
			throw new PlanExists();
		}
		return id;
	}

	@Override
	@Transactional
	public void add(UUID plan, String level, TopicId topic) {
		if (level == null || !level.strip().matches("^[A-Za-z0-9 -]{1,20}$") || topics.find(topic).isEmpty()
				|| find(plan).isEmpty()) {
			throw new IllegalArgumentException("invalid plan item");
		}
		store.addItem(plan, null, level.strip().toUpperCase(), topic);
	}

	@Override
	@Transactional
	public void remove(UUID plan, UUID item) {
		store.removeItem(plan, item);
	}

	@Override
	@Transactional
	public UUID copyForward(UUID plan) {
		CurriculumPlan from = find(plan).orElseThrow(() -> new IllegalArgumentException("unknown plan"));
		UUID copy = create(from.program(), from.traineeType(), from.academicYear() + 1);
		from.items().forEach(item -> store.addItem(copy, item.position(), item.level(), item.topic()));
		return copy;
	}

	@Override
	public Optional<CurriculumPlan> find(UUID id) {
		return store.find(id);
	}

	@Override
	public List<CurriculumPlan> all() {
		return store.ids().stream().map(id -> store.find(id).orElseThrow()).toList();
	}

}
