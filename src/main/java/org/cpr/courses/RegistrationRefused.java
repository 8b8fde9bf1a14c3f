package org.cpr.courses;

/**
 * A registration change that was refused; nothing was changed. The reason is a message
 * key.
 */
public class RegistrationRefused extends RuntimeException {

	/** Why. */
	public enum Reason {

		ALREADY_REGISTERED, NOT_REGISTERED, OFFERING_CLOSED, NOT_IN_AUDIENCE, CANCELLATION_CLOSED, UNKNOWN_OFFERING;

		public String messageKey() {
			return "courses.refused." + name();
		}

	}

	private final Reason reason;

	public RegistrationRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
