package org.cpr.groups;

import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.Role;

/**
 * Demo people as signed-in users, and the demo cohort's groups (seeded in every test
 * context).
 */
public final class GroupsFixture {

	private GroupsFixture() {
	}

	public static CprUser demo(IdentityManagement identity, String username, Role... roles) {
		PersonSummary p = identity.byUsername(username).orElseThrow();
		java.util.Set<ScopedRole> grants = new java.util.HashSet<>();
		for (Role r : roles) {
			grants.add(new ScopedRole(r, p.program() != null ? p.program() : identity.orgUnits().get(0).id()));
		}
		return new CprUser(p.id(), username, null, p.displayName(), Set.copyOf(grants), false, true);
	}

	/** The demo group led by the demo login {@code leader}. */
	static MentoringGroup leadersGroup(GroupMembership membership, IdentityManagement identity) {
		return membership.ledBy(identity.byUsername("leader").orElseThrow().id()).get(0);
	}

	static UUID id(String location, String prefix) {
		String rest = location.substring(location.indexOf(prefix) + prefix.length());
		return UUID.fromString(rest.substring(0, 36));
	}

}
