package org.cpr.courses;

import java.time.Duration;
import java.time.ZonedDateTime;

/** A scheduled session as pages, the API and the calendar see it. */
public record Session(SessionId id, OfferingId offering, ZonedDateTime start, ZonedDateTime end, String place,
		String onlineLink, int capacity, boolean cancelled, int sequence) {

	public Duration length() {
		return Duration.between(start, end);
	}
}
