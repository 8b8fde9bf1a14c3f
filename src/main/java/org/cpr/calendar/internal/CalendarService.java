package org.cpr.calendar.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.CalendarSource;
import org.cpr.calendar.Calendars;
import org.cpr.calendar.FeedLink;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar API over the feed tokens (JDBC), the in-memory feed cache and the
 * iCalendar writer.
 */
@Service("calendars")
class CalendarService implements Calendars {

	private final FeedTokens tokens;

	private final ObjectProvider<CalendarSource> sources;

	private final AuditPort audit;

	private final Clock clock;

	private final FeedCache cache;

	CalendarService(FeedTokens tokens, ObjectProvider<CalendarSource> sources, AuditPort audit, Clock clock,
			FeedCache cache) {
		this.cache = cache;
		this.tokens = tokens;
		this.sources = sources;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public String render(String name, List<CalendarEntry> entries) {
		return ICalendarWriter.write(name, entries, clock.instant());
	}

	@Override
	public String personalCalendar(PersonId person, String name) {
		return render(name, entries(person));
	}

	/**
	 * The feed as a calendar app polls it. When every source gives a
	 * {@link CalendarSource#version} the answer carries it as an ETag, a matching
	 * {@code ifNoneMatch} gets no body (304), and an unchanged feed is served from a
	 * cache without being rendered again.
	 * @throws FeedUnavailable when the token is unknown or was revoked
	 */
	@Transactional(readOnly = true)
	public PolledFeed poll(String token, String name, String ifNoneMatch) {
		var found = tokens.find(token).orElseThrow(() -> new FeedUnavailable(false));
		if (found.revoked()) {
			throw new FeedUnavailable(true);
		}
		PersonId person = found.person();
		String version = version(person, name);
		if (version == null) {
			return new PolledFeed(null, personalCalendar(person, name));
		}
		String etag = "\"" + version + "\"";
		if (ifNoneMatch != null && List.of(ifNoneMatch.split(","))
			.stream()
			.map(String::strip)
			.anyMatch(t -> t.equals(etag) || t.equals("W/" + etag))) {
			return new PolledFeed(etag, null);
		}
		String body = cache.get(person, version).orElseGet(() -> {
			String rendered = personalCalendar(person, name);
			cache.put(person, version, rendered);
			return rendered;
		});
		return new PolledFeed(etag, body);
	}

	/**
	 * The sources' versions together (plus the day, as the window of past events moves
	 * daily, and the feed's name), or null.
	 */
	private String version(PersonId person, String name) {
		StringBuilder all = new StringBuilder(name).append('|').append(java.time.LocalDate.now(clock));
		for (CalendarSource source : sources.orderedStream().toList()) {
			String v = source.version(person);
			if (v == null) {
				return null;
			}
			all.append('|').append(source.getClass().getName()).append('=').append(v);
		}
		return org.cpr.shared.Digests.sha256Hex(all.toString()).substring(0, 32);
	}

	private List<CalendarEntry> entries(PersonId person) {
		List<CalendarEntry> entries = new ArrayList<>();
		sources.orderedStream().forEach(source -> entries.addAll(source.entriesFor(person)));
		entries.sort(Comparator.comparing(CalendarEntry::start));
		return entries;
	}

	@Override
	@Transactional
	public FeedLink issueFeed(PersonId person) {
		String token = tokens.issue(person, clock.instant());
		audit.record(AuditEntry.success(person, "CALENDAR_FEED_ISSUED", "calendar_feed", null));
		return new FeedLink(token);
	}

	@Override
	@Transactional
	public boolean revokeFeed(PersonId person) {
		int revoked = tokens.revokeAll(person, clock.instant());
		if (revoked > 0) {
			audit.record(AuditEntry.success(person, "CALENDAR_FEED_REVOKED", "calendar_feed", null));
		}
		return revoked > 0;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasFeed(PersonId person) {
		return tokens.hasLive(person);
	}

	@Override
	@Transactional(readOnly = true)
	public String feed(String token, String name) {
		var found = tokens.find(token).orElseThrow(() -> new FeedUnavailable(false));
		if (found.revoked()) {
			throw new FeedUnavailable(true);
		}
		return personalCalendar(found.person(), name);
	}

}
