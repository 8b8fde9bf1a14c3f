package org.cpr.groups;

import java.util.UUID;

import org.cpr.shared.OrgUnitId;

/**
 * A cohort to be formed into groups: a program × trainee type × level, or a mixed one.
 *
 * @param program the program, or null for a cohort across programs
 * @param people how many people the cohort holds
 * @param groups how many groups it has been formed into (0 before formation)
 */
public record Cohort(UUID id, String name, OrgUnitId program, String traineeType, String level, int people,
		int groups) {
}
