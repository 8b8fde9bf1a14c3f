package org.cpr.courses;

import org.cpr.calendar.CalendarEntry;

/**
 * How an offering's session appears on a calendar: the one mapping the feed, the .ics
 * download and the API share.
 */
public final class SessionEvents {

	private SessionEvents() {
	}

	/**
	 * One session as a calendar event; the UID is the session id, stable for the
	 * session's life.
	 */
	public static CalendarEntry entry(Offering o, Session s, String baseUrl) {
		return entry(o.id(), o.title(), o.description(), o.protectedTimeNote(), o.cancelled(), s, baseUrl);
	}

	/**
	 * The same from the offering's columns (the personal feed reads them in the sessions'
	 * query).
	 */
	public static CalendarEntry entry(OfferingId offering, String title, String offeringDescription,
			String protectedTimeNote, boolean offeringCancelled, Session s, String baseUrl) {
		String where = s.place() != null ? s.place() : s.onlineLink();
		String description = protectedTimeNote == null ? offeringDescription
				: offeringDescription + "\n\n" + protectedTimeNote;
		if (s.onlineLink() != null && s.place() != null) {
			description = description + "\n\n" + s.onlineLink();
		}
		return new CalendarEntry("session-" + s.id() + "@cpr-platform", s.sequence(), s.start().toInstant(),
				s.end().toInstant(), s.start().getZone(), title, description, where,
				baseUrl + "/courses/offerings/" + offering, s.cancelled() || offeringCancelled);
	}

}
