/**
 * The program's one calendar. Modules that schedule things people attend (courses now;
 * small-group meetings and consultations later) contribute
 * {@link org.cpr.calendar.CalendarEntry entries} by declaring a
 * {@link org.cpr.calendar.CalendarSource} bean; this module renders them as RFC 5545
 * iCalendar (ical4j, with VTIMEZONE definitions) and serves each person's feed at a
 * secret, revocable URL. It is a module of its own, not part of {@code courses}, so that
 * groups and assistance can put sessions on a person's calendar without depending on
 * courses, and so that the feed tokens have one owner. It knows nothing about what an
 * entry is: the source decides the text, so a confidential consultation can appear as
 * "Appointment" without details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
		allowedDependencies = { "shared", "identity" })
package org.cpr.calendar;
