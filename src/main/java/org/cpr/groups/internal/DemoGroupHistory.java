package org.cpr.groups.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.cpr.groups.GroupMeetings;
import org.cpr.groups.MeetingSeries;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): the demo mentoring groups met monthly
 * before the months the demo seeder shows. Each group's leader scheduled the series and
 * took the roll after each meeting, through the meetings service at earlier instants.
 * Deterministic from {@code cpr.demo.history-seed}.
 */
@Component
@Order(160)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoGroupHistory implements ApplicationRunner {

	static final int MONTHS = 6;

	private final GroupStore store;

	private final GroupMeetings meetings;

	private final Clock clock;

	private final long seed;

	DemoGroupHistory(GroupStore store, GroupMeetings meetings, Clock clock,
			@Value("${cpr.demo.history-seed:2026}") long seed) {
		this.store = store;
		this.meetings = meetings;
		this.clock = clock;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(clock instanceof BackdatingClock past) || store.cohorts().isEmpty()) {
			return;
		}
		ZoneId zone = ZoneId.of("America/Denver");
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		// first Thursday, nine months back: before the three past months the demo seeder
		// shows
		LocalDate first = today.minusMonths(3 + MONTHS)
			.with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.THURSDAY));
		Random random = new Random(seed * 31 + 14);
		List<GroupStore.GroupRow> groups = store.cohorts()
			.stream()
			.flatMap(c -> store.groupsOfCohort(c.id()).stream())
			.sorted(Comparator.comparing(GroupStore.GroupRow::name))
			.toList();
		for (GroupStore.GroupRow group : groups) {
			List<PersonId> leaders = store.leaders(group.id());
			boolean alreadyOlder = store.meetings(group.id())
				.stream()
				.anyMatch(m -> m.start().isBefore(first.plusDays(1).atStartOfDay(zone).toInstant()));
			if (leaders.isEmpty() || alreadyOlder) {
				continue;
			}
			PersonId leader = leaders.get(0);
			List<PersonId> members = store.members(group.id())
				.stream()
				.map(GroupStore.MemberRow::person)
				.sorted(Comparator.comparing(PersonId::value))
				.toList();
			List<UUID> ids = past.at(first.minusDays(14).atTime(12, 0).atZone(zone).toInstant(),
					() -> meetings.schedule(group.id(), new MeetingSeries(first, LocalTime.of(17, 30), 75, zone.getId(),
							"Wellness Center, Room 1", MONTHS, 0, List.of()), leader));
			for (UUID id : ids) {
				var meeting = meetings.meeting(id).orElseThrow();
				Set<PersonId> present = new HashSet<>();
				for (PersonId member : members) {
					if (random.nextInt(10) < 8) {
						present.add(member);
					}
				}
				past.run(meeting.end().toInstant().plusSeconds(900), () -> meetings.record(id, present, leader));
			}
		}
	}

}
