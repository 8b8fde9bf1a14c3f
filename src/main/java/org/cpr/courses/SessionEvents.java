package org.cpr.courses;

import org.cpr.calendar.CalendarEntry;

/** How an offering's session appears on a calendar: the one mapping the feed, the .ics download and the API share. */
public final class SessionEvents {

    private SessionEvents() {
    }

    /** One session as a calendar event; the UID is the session id, stable for the session's life. */
    public static CalendarEntry entry(Offering o, Session s, String baseUrl) {
        String where = s.place() != null ? s.place() : s.onlineLink();
        String description = o.protectedTimeNote() == null ? o.description() : o.description() + "\n\n" + o.protectedTimeNote();
        if (s.onlineLink() != null && s.place() != null) {
            description = description + "\n\n" + s.onlineLink();
        }
        return new CalendarEntry("session-" + s.id() + "@cpr-platform", s.sequence(),
                s.start().toInstant(), s.end().toInstant(), s.start().getZone(), o.title(), description, where,
                baseUrl + "/courses/offerings/" + o.id(), s.cancelled() || o.cancelled());
    }
}
