package org.cpr.peersupport;

/**
 * A request the peer support rules refuse; nothing was changed. The message is a bundle
 * key.
 */
public class PeerSupportRefused extends RuntimeException {

	/** Why, with the HTTP status the API answers. */
	public enum Reason {

		UNKNOWN_PERSON(422, "person"), EVENT_DATE_MISSING(422, "eventDate"), EVENT_DATE_IN_FUTURE(422, "eventDate"),
		EVENT_TYPE_MISSING(422, "eventType"), NOT_A_SUPPORTER(422, "supporter"),
		SUPPORTER_NOT_TRAINED(422, "supporter"), SUPPORTER_UNAVAILABLE(409, "supporter"),
		CONFLICT_OF_INTEREST(422, "supporter"), ALREADY_ASSIGNED(409, "supporter"), ALREADY_OPEN(409, "person"),
		ALREADY_ON_ROSTER(409, "person"), NOT_FOUND(404, null), WRONG_STATE(409, null),
		ENCOUNTER_DATE_INVALID(422, "occurredOn"), ENCOUNTER_INCOMPLETE(422, null),
		PROFESSION_MISSING(422, "profession"), LANGUAGES_INVALID(422, "languages"), LOAD_INVALID(422, "maxLoad"),
		SPECIALTY_INVALID(422, "specialty"), WELLBEING_INVALID(422, "wellbeing"), TRAINING_INVALID(422, "completedOn"),
		PAUSE_INVALID(422, "pausedUntil"), DEBRIEF_UNIT_UNKNOWN(422, "unit"), DEBRIEF_DATE_INVALID(422, "heldOn"),
		DEBRIEF_ATTENDANCE_INVALID(422, "attendance"), DEBRIEF_FACILITATORS_INVALID(422, "facilitators"),
		SUPPORTER_DEBRIEF_DATE_INVALID(422, "heldOn"), SUPPORTER_DEBRIEF_WITH_MISSING(422, "with"),
		SUPPORTER_DEBRIEF_WITH_UNKNOWN(422, "withPerson"), SUPPORTER_DEBRIEF_OUTCOME_MISSING(422, "outcome");

		private final int status;

		private final String field;

		Reason(int status, String field) {
			this.status = status;
			this.field = field;
		}

		public int status() {
			return status;
		}

		/** The form field the problem belongs to, or null for the whole form. */
		public String field() {
			return field;
		}

		public String messageKey() {
			return "peer.refused." + name();
		}

	}

	private final Reason reason;

	public PeerSupportRefused(Reason reason) {
		super(reason.messageKey());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
