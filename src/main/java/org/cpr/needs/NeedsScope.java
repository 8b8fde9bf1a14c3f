package org.cpr.needs;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;

/**
 * The org units whose needs answers a viewer may see: each end-of-rotation campaign goes
 * to the people of one program (or department), so its answers and tips belong to that
 * unit. {@code everything} is a grant on the root of an org tree, which also sees
 * campaigns sent before campaigns had a unit.
 */
public record NeedsScope(boolean everything, Set<UUID> units) {

	/** Roles whose grants open needs results. */
	public static final List<Role> RESULT_ROLES = List.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR);

	public NeedsScope {
		units = Set.copyOf(units);
	}

	public static NeedsScope wholeInstitution() {
		return new NeedsScope(true, Set.of());
	}

	public static NeedsScope units(Collection<UUID> units) {
		return new NeedsScope(false, Set.copyOf(units));
	}

	/**
	 * The units under the person's facilitator, program-director and administrator grants
	 * (each with everything below it).
	 */
	public static NeedsScope of(CprUser me, IdentityManagement identity) {
		return ofGrants(me.grants()
			.stream()
			.filter(g -> RESULT_ROLES.contains(g.role()))
			.map(ScopedRole::scope)
			.collect(Collectors.toSet()), identity);
	}

	/** The units of these grants, each with everything below it. */
	public static NeedsScope ofGrants(Collection<OrgUnitId> granted, IdentityManagement identity) {
		Set<OrgUnitId> roots = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.map(OrgUnitSummary::id)
			.collect(Collectors.toSet());
		if (granted.stream().anyMatch(roots::contains)) {
			return wholeInstitution();
		}
		return units(granted.stream()
			.flatMap(g -> identity.subtree(g).stream())
			.map(OrgUnitId::value)
			.collect(Collectors.toSet()));
	}

	/**
	 * Whether answers of a campaign sent to {@code unit} (null: sent before units) show.
	 */
	public boolean covers(UUID unit) {
		return everything || (unit != null && units.contains(unit));
	}

}
