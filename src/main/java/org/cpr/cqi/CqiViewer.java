package org.cpr.cqi;

import java.util.Set;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Who is looking at CQI figures, and under which role: the disclosure gate remembers what
 * it released to each principal, and a program director is held to the strictest filter
 * rules.
 */
record CqiViewer(PersonId person, Role role) {

	/**
	 * The most restricted of the person's reporting roles decides what the gate allows.
	 */
	public static CqiViewer of(PersonId person, Set<Role> roles) {
		for (Role r : new Role[] { Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.FACILITATOR,
				Role.CONDUCT_OFFICER }) {
			if (roles.contains(r)) {
				return new CqiViewer(person, r);
			}
		}
		return new CqiViewer(person, Role.PROGRAM_DIRECTOR);
	}
}
