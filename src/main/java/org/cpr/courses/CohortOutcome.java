package org.cpr.courses;

/** What registering a cohort did: counts only. */
public record CohortOutcome(int seated, int waitlisted, int alreadyRegistered) implements java.io.Serializable {

	public int total() {
		return seated + waitlisted + alreadyRegistered;
	}
}
