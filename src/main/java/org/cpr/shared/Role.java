package org.cpr.shared;

/**
 * The roles a person can hold, each granted for an org unit (and everything below it).
 */
public enum Role {

	PARTICIPANT, GROUP_LEADER, FACILITATOR, PROGRAM_DIRECTOR, ADMINISTRATOR, RESILIENCE_CLINICIAN, PEER_SUPPORTER,
	RESEARCHER, PRIVACY_OFFICER, SYSTEM_ADMIN,
	/**
	 * The institution's designated officer for mistreatment reports (never the reporter's
	 * program leadership).
	 */
	CONDUCT_OFFICER,
	/**
	 * Runs the peer support network: confirms matches, sees open reach-ins, receives
	 * escalations.
	 */
	PEER_SUPPORT_COORDINATOR,
	/**
	 * May file an adverse-event reach-in for a colleague (risk/quality manager, nurse
	 * manager, chief resident).
	 */
	REACH_IN_REFERRER;

	/**
	 * Roles that see identifiable sensitive data: they must pass TOTP before any page.
	 * Peer support coordinators see who was involved in an adverse event and who asked
	 * for a peer. Reach-in referrers do not: they see only "contact made" or "not yet"
	 * for the people they themselves named.
	 */
	public boolean requiresMfa() {
		return this == RESILIENCE_CLINICIAN || this == PRIVACY_OFFICER || this == SYSTEM_ADMIN
				|| this == PEER_SUPPORT_COORDINATOR;
	}

	/** The Spring Security authority name for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
