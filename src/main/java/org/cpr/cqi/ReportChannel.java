package org.cpr.cqi;

import org.cpr.shared.Role;

/**
 * Where a speak-up report goes: systemic problems to CQI reviewers, mistreatment to the
 * conduct officer.
 */
public enum ReportChannel {

	SYSTEMIC(Role.FACILITATOR), MISTREATMENT(Role.CONDUCT_OFFICER);

	private final Role reviewer;

	ReportChannel(Role reviewer) {
		this.reviewer = reviewer;
	}

	/** The only role that reads reports of this channel before release. */
	public Role reviewer() {
		return reviewer;
	}

}
