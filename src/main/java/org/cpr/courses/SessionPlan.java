package org.cpr.courses;

import java.time.LocalDateTime;

/**
 * A session as a coordinator plans it: wall-clock times in the session's time zone.
 *
 * @param timeZone an IANA zone id, e.g. {@code America/Denver}
 */
public record SessionPlan(LocalDateTime start, LocalDateTime end, String timeZone, String place, String onlineLink,
		Integer capacity) {
}
