package org.cpr.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One event on someone's calendar. The {@code uid} stays the same for the life of the
 * event (a cancelled session goes out with the same UID and {@code cancelled = true});
 * {@code sequence} grows with every change so calendar clients replace their copy.
 *
 * @param zone the zone the event is held in (written as TZID with a VTIMEZONE)
 * @param location a place or an online link, may be null
 * @param url a link to the event's page, may be null
 */
public record CalendarEntry(String uid, int sequence, Instant start, Instant end, ZoneId zone, String summary,
		String description, String location, String url, boolean cancelled) {

	public CalendarEntry {
		Objects.requireNonNull(uid, "uid");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(summary, "summary");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("an event ends after it starts");
		}
	}
}
