package org.cpr.identity;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/** What other modules may know about a person: no password, MFA or well-being data. */
public record PersonSummary(PersonId id, String username, String displayName, String email, TraineeType traineeType,
		String trainingLevel, OrgUnitId program, OrgUnitId department, boolean active) {
}
