package org.cpr.courses;

/** A check-in that was refused; nothing was recorded. The reason is a message key. */
public class AttendanceRefused extends RuntimeException {

	/** Why. */
	public enum Reason {

		EXPIRED_CODE, WRONG_CODE, NOT_REGISTERED, OUTSIDE_SESSION, SESSION_CANCELLED, UNKNOWN_SESSION, UNKNOWN_PERSON;

		public String messageKey() {
			return "courses.checkin.refused." + name();
		}

	}

	private final Reason reason;

	public AttendanceRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
