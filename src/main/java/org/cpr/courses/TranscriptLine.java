package org.cpr.courses;

import java.time.Instant;

/** One attended session in a person's own transcript. */
public record TranscriptLine(Offering offering, Session session, Instant checkedIn) {

	public double hours() {
		return session.length().toMinutes() / 60.0;
	}
}
