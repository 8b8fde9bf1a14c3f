package org.cpr.groups.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.CalendarSource;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the meetings of every group a person belongs to or leads on their calendar, from
 * 90 days back; a cancelled meeting stays with the same UID as STATUS:CANCELLED. The
 * summary names the group only ("Mentoring group"), never its members.
 */
@Component
class GroupCalendar implements CalendarSource {

	static final Duration HISTORY = Duration.ofDays(90);

	private final GroupStore store;

	private final Clock clock;

	private final String baseUrl;

	GroupCalendar(GroupStore store, Clock clock, @Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.store = store;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * The entries themselves, fingerprinted: one query, no rendering, and it changes
	 * exactly when the entries do, so a person's feed keeps its ETag and cache with this
	 * source on it.
	 */
	@Override
	public String version(PersonId person) {
		return org.cpr.shared.Digests.sha256Hex(String.valueOf(entriesFor(person)));
	}

	@Override
	public List<CalendarEntry> entriesFor(PersonId person) {
		Map<UUID, String> groups = new LinkedHashMap<>();
		store.groupsOfMember(person).forEach(g -> groups.put(g.id(), g.name()));
		store.groupsLedBy(person).forEach(g -> groups.put(g.id(), g.name()));
		Instant since = clock.instant().minus(HISTORY);
		List<CalendarEntry> entries = new ArrayList<>();
		for (GroupStore.MeetingRow m : store.meetingsOfGroups(groups.keySet())) {
			if (m.end().isAfter(since)) {
				entries.add(new CalendarEntry("mentoring-meeting-" + m.id() + "@cpr", m.sequence(), m.start(), m.end(),
						m.zone(), "Mentoring group: " + groups.get(m.group()), null, m.place(),
						baseUrl + "/groups/mine", m.cancelled()));
			}
		}
		return entries;
	}

}
