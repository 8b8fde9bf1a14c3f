package org.cpr.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.RecentCalendarSource;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the meetings of every group a person belongs to or leads on their calendar, from
 * 90 days back; a cancelled meeting stays with the same UID as STATUS:CANCELLED. The
 * summary names the group only ("Mentoring group"), never its members.
 */
@Component
class GroupCalendar extends RecentCalendarSource {

	private final GroupStore store;

	GroupCalendar(GroupStore store, Clock clock, @Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		super(clock, baseUrl);
		this.store = store;
	}

	@Override
	protected List<CalendarEntry> entriesSince(PersonId person, Instant since) {
		Map<UUID, String> groups = new LinkedHashMap<>();
		store.groupsOfMember(person).forEach(g -> groups.put(g.id(), g.name()));
		store.groupsLedBy(person).forEach(g -> groups.put(g.id(), g.name()));
		List<CalendarEntry> entries = new ArrayList<>();
		for (GroupStore.MeetingRow m : store.meetingsOfGroups(groups.keySet())) {
			if (m.end().isAfter(since)) {
				entries.add(new CalendarEntry("mentoring-meeting-" + m.id() + "@cpr", m.sequence(), m.start(), m.end(),
						m.zone(), "Mentoring group: " + groups.get(m.group()), null, m.place(), link("/groups/mine"),
						m.cancelled()));
			}
		}
		return entries;
	}

}
