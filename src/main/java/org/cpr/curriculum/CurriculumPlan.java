package org.cpr.curriculum;

import java.util.List;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;

/**
 * A program's plan for one academic year (by its first calendar year): topics in order,
 * by level.
 */
public record CurriculumPlan(UUID id, OrgUnitId program, TraineeType traineeType, int academicYear, List<Item> items) {

	/** One planned topic. */
	public record Item(UUID id, int position, String level, TopicId topic) {
	}

	public CurriculumPlan {
		items = List.copyOf(items);
	}
}
