package org.cpr.curriculum;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;

/**
 * Curriculum plans per program, trainee type and academic year: an ordered sequence of
 * topics by level, copied forward to the next year as a starting point.
 */
public interface CurriculumPlans {

	/** A plan exists already for this program, type and year. */
	final class PlanExists extends RuntimeException {

		public PlanExists() {
			super("plan exists");
		}

	}

	/**
	 * @throws PlanExists when the program already has a plan for this type and year
	 */
	UUID create(OrgUnitId program, TraineeType type, int year);

	/**
	 * Appends a topic at a level. @throws IllegalArgumentException for an unknown plan or
	 * topic, or a bad level
	 */
	void add(UUID plan, String level, TopicId topic);

	void remove(UUID plan, UUID item);

	/**
	 * Copies a plan to the next academic year. @throws PlanExists when that year has a
	 * plan already
	 */
	UUID copyForward(UUID plan);

	Optional<CurriculumPlan> find(UUID id);

	List<CurriculumPlan> all();

}
