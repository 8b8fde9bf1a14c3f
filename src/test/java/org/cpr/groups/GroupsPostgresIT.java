package org.cpr.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.calendar.CalendarSource;
import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A group's life on the real PostgreSQL schema: form a cohort, plan meetings, take the
 * roll, and see the program's gated counts (through the JDBC release ledger),
 * evaluation's reach and the calendar feed. Written to run again on a database that
 * already holds earlier runs.
 */
@SpringBootTest
@PostgresTest
@Import(MutableClockConfiguration.class)
@org.springframework.test.context.ContextConfiguration(initializers = GroupsPostgresIT.OwnDatabase.class)
class GroupsPostgresIT {

	/**
	 * It forms a cohort from the demo campus and counts it: a database of its own, not
	 * the one other ITs fill.
	 */
	static class OwnDatabase extends org.cpr.support.OwnPostgresDatabase {

		@Override
		protected String suffix() {
			return "groups";
		}

	}

	@Autowired
	Cohorts cohorts;

	@Autowired
	GroupMembership membership;

	@Autowired
	GroupMeetings meetings;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Autowired
	List<InterventionReach> reach;

	@Autowired
	List<CalendarSource> calendars;

	@Test
	void aGroupIsFormedMeetsTakesTheRollAndTheProgramSeesOnlyGatedCounts() {
		PersonId leader = identity.byUsername("leader").orElseThrow().id();
		PersonId director = identity.byUsername("director").orElseThrow().id();
		UUID cohort = cohorts.create("Nurses " + UUID.randomUUID(), null, TraineeType.NURSE, null, null);
		UUID group = cohorts.form(cohort, List.of("leader"), null, null).get(0);
		assertThatThrownBy(() -> cohorts.form(cohort, List.of("leader"), null, null)).isInstanceOf(GroupsRefused.class);
		List<PersonId> members = membership.members(group, leader, "test").stream().map(GroupMember::person).toList();
		assertThat(members.size()).isBetween(10, 15);

		LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/Denver")).plusDays(1);
		List<UUID> planned = meetings.schedule(group,
				new MeetingSeries(day, LocalTime.of(17, 0), 60, "America/Denver", "Room 4", 3, 0, List.of()), null);
		assertThat(planned).hasSize(3);
		clock.advance(Duration.ofDays(2));
		meetings.record(planned.get(0), Set.copyOf(members.subList(0, 7)), leader);
		meetings.record(planned.get(0), Set.copyOf(members.subList(0, 6)), leader);
		assertThat(meetings.trend(group, leader)).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(6));
		assertThatThrownBy(() -> meetings.record(planned.get(1), Set.of(), leader)).isInstanceOf(GroupsRefused.class);

		MentoringGroup g = membership.group(group).orElseThrow();
		assertThat(meetings.programCounts(g, director, Role.PROGRAM_DIRECTOR)).singleElement()
			.satisfies(c -> assertThat(c.count()).isEqualTo(6));

		InterventionReach groups = reach.stream()
			.filter(r -> r.type() == InterventionType.MENTORING_GROUP)
			.findFirst()
			.orElseThrow();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Set<PersonId> reached = ((InterventionReach.Reach.Participants) groups.reach(today.minusDays(3),
				today.plusDays(1)))
			.people();
		assertThat(reached).containsAll(members.subList(0, 6));
		assertThat(reached).doesNotContainAnyElementsOf(members.subList(6, members.size()));

		Set<String> uids = calendars.stream()
			.flatMap(c -> c.entriesFor(members.get(9)).stream())
			.map(e -> e.uid())
			.collect(Collectors.toSet());
		planned.forEach(id -> assertThat(uids).contains("mentoring-meeting-" + id + "@cpr"));
	}

}
