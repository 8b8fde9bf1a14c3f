package org.cpr.groups.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.groups.Cohorts;
import org.cpr.groups.GroupsRefused;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one cohort of all residents formed into two groups, led by the demo
 * login {@code leader} and a generated faculty group leader, with three monthly meetings
 * held (attendance recorded) and three to come. Idempotent: does nothing once a cohort
 * exists.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoGroupSeeder implements ApplicationRunner {

	static final String COHORT = "Residents 2026 (all programs)";

	private static final Logger log = LoggerFactory.getLogger(DemoGroupSeeder.class);

	private final Cohorts cohorts;

	private final GroupStore store;

	private final IdentityManagement identity;

	private final TopicLibrary topics;

	private final Clock clock;

	DemoGroupSeeder(Cohorts cohorts, GroupStore store, IdentityManagement identity, TopicLibrary topics, Clock clock) {
		this.cohorts = cohorts;
		this.store = store;
		this.identity = identity;
		this.topics = topics;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!store.cohorts().isEmpty() || identity.byUsername("leader").isEmpty()) {
			return;
		}
		List<String> leaders = new ArrayList<>(List.of("leader"));
		List<org.cpr.shared.OrgUnitId> roots = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.map(OrgUnitSummary::id)
			.toList();
		identity.audience(roots, Set.of(TraineeType.FACULTY), Set.of(Role.GROUP_LEADER))
			.stream()
			.map(PersonSummary::username)
			.filter(u -> !u.equals("leader"))
			.sorted()
			.findFirst()
			.ifPresent(leaders::add);
		List<UUID> groups;
		try {
			UUID cohort = cohorts.create(COHORT, null, TraineeType.RESIDENT, null, null);
			groups = cohorts.form(cohort, leaders, "Demo campus: fewer residents than a real cohort", null);
		}
		catch (GroupsRefused refused) {
			log.warn("Demo mentoring groups not seeded: {}", refused.messageKey());
			return;
		}
		List<Topic> library = topics.search(null, null, null, false);
		ZoneId zone = ZoneId.of("America/Denver");
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		for (int g = 0; g < groups.size(); g++) {
			UUID group = groups.get(g);
			List<PersonId> members = store.members(group).stream().map(GroupStore.MemberRow::person).toList();
			for (int k = -3; k < 3; k++) {
				ZonedDateTime start = today.plusMonths(k)
					.withDayOfMonth(10 + g)
					.atTime(LocalTime.of(17, 30))
					.atZone(zone);
				UUID meeting = UUID.randomUUID();
				Topic topic = library.isEmpty() ? null : library.get(Math.floorMod(k + 3 + g, library.size()));
				Instant end = start.plusMinutes(75).toInstant();
				store.insertMeeting(new GroupStore.MeetingRow(meeting, group, start.toInstant(), end, zone,
						"Wellness Center, Room " + (g + 1), topic == null ? null : topic.id().value(), false, 0));
				if (end.isBefore(clock.instant().minus(Duration.ofHours(1)))) {
					int came = members.size() - 2 - Math.floorMod(k * 7 + g, 4);
					members.stream().limit(Math.max(0, came)).forEach(p -> store.markPresent(meeting, p));
				}
			}
		}
		log.info("Demo mentoring groups seeded: {} groups", groups.size());
	}

}
