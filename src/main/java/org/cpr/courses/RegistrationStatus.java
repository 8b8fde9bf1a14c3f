package org.cpr.courses;

/** Where a registration stands. */
public enum RegistrationStatus {

	SEATED, WAITLISTED, CANCELLED;

	public boolean active() {
		return this != CANCELLED;
	}

}
