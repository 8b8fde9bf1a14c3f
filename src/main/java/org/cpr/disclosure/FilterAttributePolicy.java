package org.cpr.disclosure;

import org.cpr.shared.Role;

/**
 * How many filterable attributes (PGY, site, gender, track …) a role may combine in one
 * view (invariant I-7, after Glint's advice to give managers one). A privacy officer's
 * approval lifts the limit to {@link #APPROVED_MAXIMUM}.
 */
public final class FilterAttributePolicy {

	public static final int APPROVED_MAXIMUM = 4;

	private FilterAttributePolicy() {
	}

	/** The number of attributes the role may filter by at once. */
	public static int maxAttributes(Role role, boolean privacyOfficerApproved) {
		if (privacyOfficerApproved) {
			return APPROVED_MAXIMUM;
		}
		return switch (role) {
			case PROGRAM_DIRECTOR, GROUP_LEADER, FACILITATOR, PEER_SUPPORT_COORDINATOR -> 1;
			case ADMINISTRATOR, PRIVACY_OFFICER, RESEARCHER -> 2;
			default -> 0;
		};
	}

	/**
	 * True when a view filtered by {@code attributes} attributes is allowed for the role.
	 */
	public static boolean permits(Role role, int attributes, boolean privacyOfficerApproved) {
		return attributes <= maxAttributes(role, privacyOfficerApproved);
	}

}
