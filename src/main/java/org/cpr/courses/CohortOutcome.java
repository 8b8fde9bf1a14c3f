package org.cpr.courses;

/** What registering a cohort did: counts only. */
public record CohortOutcome(int seated, int waitlisted, int alreadyRegistered) {

    public int total() {
        return seated + waitlisted + alreadyRegistered;
    }
}
