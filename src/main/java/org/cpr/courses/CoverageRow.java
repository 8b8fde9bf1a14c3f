package org.cpr.courses;

import java.util.List;
import java.util.Set;

import org.cpr.curriculum.Competency;

/**
 * One offering in a program's coverage view: what was taught, which competencies, and
 * attendance per delivered session.
 */
public record CoverageRow(Offering offering, List<String> topics, Set<Competency> competencies,
		List<SessionCount> delivered) {
}
