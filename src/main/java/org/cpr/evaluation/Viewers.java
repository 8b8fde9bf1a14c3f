package org.cpr.evaluation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.Role;

/**
 * The viewer of an evaluation page: the strongest of the roles that see aggregates, and
 * the units they are held for.
 */
final class Viewers {

	static final List<Role> AGGREGATE_ROLES = List.of(Role.ADMINISTRATOR, Role.PROGRAM_DIRECTOR, Role.FACILITATOR);

	private Viewers() {
	}

	static Viewer of(CprUser me) {
		Role role = AGGREGATE_ROLES.stream().filter(me::hasRole).findFirst().orElse(Role.FACILITATOR);
		Set<org.cpr.shared.OrgUnitId> scope = me.grants()
			.stream()
			.filter(g -> AGGREGATE_ROLES.contains(g.role()))
			.map(ScopedRole::scope)
			.collect(Collectors.toSet());
		return new Viewer(me.personId(), role, scope, me);
	}

}
