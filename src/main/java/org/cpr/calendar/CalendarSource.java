package org.cpr.calendar;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * Implemented (as a bean) by every module that puts events on people's calendars. Called for each
 * feed request, so it should answer with one or two queries.
 */
public interface CalendarSource {

    /** The person's events: upcoming ones and those of the recent past, cancelled ones included. */
    List<CalendarEntry> entriesFor(PersonId person);
}
