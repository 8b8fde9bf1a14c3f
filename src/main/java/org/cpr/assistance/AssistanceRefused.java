package org.cpr.assistance;

/**
 * A request the assistance module refuses; nothing was changed. {@link #messageKey()}
 * names the user-facing explanation (bundle {@code assistance}); the exception message
 * never holds personal data.
 */
public class AssistanceRefused extends RuntimeException {

	/** Why. */
	public enum Reason {

		UNKNOWN_SLOT(404), SLOT_IN_PAST(422), SLOT_TAKEN(409), UNKNOWN_APPOINTMENT(404), NOT_YOUR_APPOINTMENT(403),
		APPOINTMENT_PAST(422), UNKNOWN_EPISODE(404), NOT_TREATING(403), EPISODE_CLOSED(409), REASON_REQUIRED(400),
		REAUTHENTICATION_FAILED(401), ROLE_CANNOT_BREAK_GLASS(403), ALREADY_TREATING(409), NOTE_REQUIRED(400),
		UNKNOWN_SERVICE(404), CONSENT_REQUIRED(400), HANDOFF_REQUIRED(400), STATUS_NOT_ALLOWED(409),
		UNKNOWN_REFERRAL(404), INVALID_PLAN(400), ALREADY_WAITING(409), UNKNOWN_PERSON(404), UNKNOWN_STEP(404);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		/** The HTTP status the API answers with. */
		public int status() {
			return status;
		}

	}

	private final Reason reason;

	public AssistanceRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	public String messageKey() {
		return "assistance.refused." + reason.name();
	}

}
