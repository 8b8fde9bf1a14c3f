package org.cpr.calendar;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * The calendar module's API: renders entries as iCalendar and manages each person's
 * secret feed link (issue, rotate, revoke).
 */
public interface Calendars {

	/** An RFC 5545 calendar of {@code entries}, each zone with its VTIMEZONE. */
	String render(String name, List<CalendarEntry> entries);

	/** Everything every module has put on the person's calendar, as iCalendar. */
	String personalCalendar(PersonId person, String name);

	/**
	 * The feed as a calendar app polls it. When every source gives a
	 * {@link CalendarSource#version} the answer carries it as an ETag, a matching
	 * {@code ifNoneMatch} gets no body (304), and an unchanged feed is served from a
	 * cache without being rendered again.
	 * @throws FeedUnavailable when the token is unknown or was revoked
	 */
	PolledFeed poll(String token, String name, String ifNoneMatch);

	/**
	 * A polled feed: {@code body} null means "not modified" (the client's copy,
	 * {@code etag}, is current).
	 */
	record PolledFeed(String etag, String body) {
	}

	/** A new secret feed link; any earlier link of the person stops working. */
	FeedLink issueFeed(PersonId person);

	/** Turns off the person's feed link(s). */
	boolean revokeFeed(PersonId person);

	boolean hasFeed(PersonId person);

	/**
	 * The calendar behind a feed token.
	 * @throws FeedUnavailable when the token is unknown or was revoked
	 */
	String feed(String token, String name);

	/** A feed URL that does not (or no longer) work. */
	final class FeedUnavailable extends RuntimeException {

		private final boolean revoked;

		public FeedUnavailable(boolean revoked) {
			super(revoked ? "calendar feed revoked" : "unknown calendar feed");
			this.revoked = revoked;
		}

		public boolean revoked() {
			return revoked;
		}

	}

}
