package org.cpr.courses;

/** How an attendance was recorded. */
public enum CheckInMethod {

	/** The person scanned the facilitator's rotating QR code. */
	QR,
	/** The facilitator ticked the person on the roll call. */
	ROLL_CALL,
	/** The facilitator added someone who was not registered. */
	WALK_IN

}
