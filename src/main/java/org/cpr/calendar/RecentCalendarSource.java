package org.cpr.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cpr.shared.Digests;
import org.cpr.shared.PersonId;

/**
 * A {@link CalendarSource} that reads a person's entries of the last 90 days and later
 * with one query, and whose {@link #version} is a fingerprint of those entries
 * themselves: no rendering, and it changes exactly when the entries do, so a person's
 * feed keeps its ETag and cache with this source on it. Links point into the site at
 * {@code cpr.base-url}.
 */
public abstract class RecentCalendarSource implements CalendarSource {

	/** How far back a feed still shows past (and cancelled) entries. */
	public static final Duration HISTORY = Duration.ofDays(90);

	private final Clock clock;

	private final String baseUrl;

	protected RecentCalendarSource(Clock clock, String baseUrl) {
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/** The person's entries that end after {@code since}, cancelled ones included. */
	protected abstract List<CalendarEntry> entriesSince(PersonId person, Instant since);

	@Override
	public final List<CalendarEntry> entriesFor(PersonId person) {
		return entriesSince(person, clock.instant().minus(HISTORY));
	}

	@Override
	public final String version(PersonId person) {
		return Digests.sha256Hex(String.valueOf(entriesFor(person)));
	}

	/** An absolute link to a page of the site, e.g. {@code link("/groups/mine")}. */
	protected final String link(String path) {
		return baseUrl + path;
	}

}
