package org.cpr.evaluation;

import java.util.Objects;
import java.util.Set;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Who looks at an evaluation figure: the gate remembers what it released to them, and the
 * eligible population is limited to the org units their role is held for.
 */
public record Viewer(PersonId person, Role role, Set<OrgUnitId> scope) {

	public Viewer {
		Objects.requireNonNull(person, "person");
		Objects.requireNonNull(role, "role");
		scope = Set.copyOf(scope);
	}
}
