package org.cpr.evaluation;

import java.util.Objects;
import java.util.Set;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Who looks at an evaluation figure: the gate remembers what it released to them, and the
 * eligible population is limited to the org units their role is held for.
 *
 * @param user the signed-in user when there is one (survey wave reports, such as a
 * course's pre/post measure, are shown to the people their own access rules allow), else
 * null
 */
public record Viewer(PersonId person, Role role, Set<OrgUnitId> scope, org.cpr.identity.CprUser user) {

	public Viewer {
		Objects.requireNonNull(person, "person");
		Objects.requireNonNull(role, "role");
		scope = Set.copyOf(scope);
	}

	public Viewer(PersonId person, Role role, Set<OrgUnitId> scope) {
		this(person, role, scope, null);
	}
}
