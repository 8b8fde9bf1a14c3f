package org.cpr.courses;

import java.time.Instant;

/** The code the facilitator's screen shows now, and when it stops working. */
public record CheckInCode(SessionId session, long window, String code, Instant validUntil) {

	/** The path the QR code opens. */
	public String path() {
		return "/courses/check-in/" + session + "/" + window + "/" + code;
	}
}
