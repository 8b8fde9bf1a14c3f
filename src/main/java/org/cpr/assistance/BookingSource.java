package org.cpr.assistance;

/**
 * Where a booking started: the person's own booking page, the snapshot's next step, an
 * alert follow-up, or a clinician.
 */
public enum BookingSource {

	SELF, SNAPSHOT, ALERT, CLINICIAN

}
