package org.cpr.courses;

import java.util.List;
import java.util.Set;

import org.cpr.curriculum.Competency;
import org.cpr.identity.TraineeType;

/**
 * One cohort's curriculum plan for a year against what was delivered to it: every planned
 * topic with the sessions held for the cohort (an offering on that topic whose audience
 * includes the cohort's program and trainee type); a planned topic without any is a gap.
 */
public record CohortCoverage(String program, TraineeType traineeType, int academicYear, List<Planned> planned,
		Set<Competency> competencies) {

	/**
	 * A planned topic at a level and how many sessions on it were held for the cohort.
	 */
	public record Planned(String level, String topic, int sessionsHeld) {

		public boolean gap() {
			return sessionsHeld == 0;
		}
	}

	public long gaps() {
		return planned.stream().filter(Planned::gap).count();
	}
}
