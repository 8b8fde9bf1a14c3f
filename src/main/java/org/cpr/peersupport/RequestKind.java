package org.cpr.peersupport;

/** How a request for peer support came in. */
public enum RequestKind {

	/** "I'd like to talk to a peer." */
	SELF_REFERRAL,
	/** A colleague is worried about someone. */
	COLLEAGUE_REFERRAL,
	/**
	 * A risk/quality manager, nurse manager or chief resident records involvement in a
	 * hard event.
	 */
	REACH_IN

}
