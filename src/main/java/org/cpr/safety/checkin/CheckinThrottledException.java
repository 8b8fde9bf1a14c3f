package org.cpr.safety.checkin;

/**
 * Too many sign-in attempts for this handle (or overall); the caller shows a field error.
 */
public final class CheckinThrottledException extends RuntimeException {

	public CheckinThrottledException() {
		super("check-in attempts throttled");
	}

}
