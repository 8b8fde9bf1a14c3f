package org.cpr.calendar;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * Implemented (as a bean) by every module that puts events on people's calendars. Called
 * for each feed request, so it should answer with one or two queries.
 */
public interface CalendarSource {

	/**
	 * The person's events: upcoming ones and those of the recent past, cancelled ones
	 * included.
	 */
	List<CalendarEntry> entriesFor(PersonId person);

	/**
	 * A cheap fingerprint of what {@link #entriesFor} would return (one small query, no
	 * rendering): it must change whenever the entries change, and may change more often.
	 * A feed whose every source gives one is cached and answered with an ETag (a calendar
	 * app's If-None-Match gets 304 Not Modified). The default, null, means "unknown": the
	 * feed is then rendered on every request.
	 */
	default String version(PersonId person) {
		return null;
	}

}
