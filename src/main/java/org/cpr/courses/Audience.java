package org.cpr.courses;

import java.util.Set;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;

/**
 * Who an offering is for: trainee types × programs (org units and below) × roles; an
 * empty set means any.
 */
public record Audience(Set<TraineeType> traineeTypes, Set<OrgUnitId> programs, Set<Role> roles) {

	public Audience {
		traineeTypes = Set.copyOf(traineeTypes);
		programs = Set.copyOf(programs);
		roles = Set.copyOf(roles);
	}

	public static Audience everyone() {
		return new Audience(Set.of(), Set.of(), Set.of());
	}

	public boolean open() {
		return traineeTypes.isEmpty() && programs.isEmpty() && roles.isEmpty();
	}
}
