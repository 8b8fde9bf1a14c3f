package org.cpr.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.groups.GroupsFixture.demo;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.CalendarSource;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a coordinator changes after formation: the cohort's people (conflicts re-checked,
 * audited) and a planned meeting's time and topic (calendars updated).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class GroupsEditingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GroupStore groups;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@Autowired
	TopicLibrary topics;

	@Autowired
	List<CalendarSource> calendars;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	record Person(PersonId id, String username) {
	}

	CprUser coordinator() {
		return demo(identity, "facilitator", Role.FACILITATOR);
	}

	@Test
	void aCoordinatorAddsAndRemovesPeopleAndTheSupervisoryLineIsCheckedAgain() throws Exception {
		UUID cohort = UUID.randomUUID();
		groups.insertCohort(new GroupStore.CohortRow(cohort, "Edited cohort", null, null, null, clock.instant()), null,
				List.of());
		Person leaderA = person();
		Person leaderB = person();
		UUID a = group(cohort, "Group A", leaderA, 10);
		UUID b = group(cohort, "Group B", leaderB, 10);
		Person newcomer = person();
		groups.addConflict(newcomer.id(), leaderA.id(), null, clock.instant());
		String base = "/groups/cohorts/" + cohort + "/people";

		mvc.perform(post(base).with(csrf())
			.with(signedIn(coordinator()))
			.param("person", newcomer.username())
			.param("target", a.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A leader of that group is in this person’s supervisory line")))
			.andExpect(content().string(containsString("value=\"" + newcomer.username() + "\"")));
		assertThat(groups.cohortMembers(cohort)).doesNotContain(newcomer.id());

		// Without a group asked for: the smallest group whose leaders are outside the
		// line.
		mvc.perform(post(base).with(csrf()).with(signedIn(coordinator())).param("person", newcomer.username()))
			.andExpect(redirectedUrl(base + "?added"));
		assertThat(groups.membership(b, newcomer.id())).isPresent();
		assertThat(groups.membership(a, newcomer.id())).isEmpty();
		assertThat(audits("MENTORING_COHORT_MEMBER_ADDED", newcomer.id())).isEqualTo(1);

		mvc.perform(post(base).with(csrf()).with(signedIn(coordinator())).param("person", newcomer.username()))
			.andExpect(content().string(containsString("already in the cohort")));
		mvc.perform(post(base).with(csrf()).with(signedIn(coordinator())).param("person", "no-such-person"))
			.andExpect(content().string(containsString("Nobody active has the username no-such-person")));

		// Group A would drop to 9: a reason is needed, then the person leaves cohort and
		// group.
		PersonId leaving = groups.members(a).get(0).person();
		mvc.perform(post(base + "/" + leaving.value() + "/remove").with(csrf()).with(signedIn(coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("outside the usual size")));
		assertThat(groups.membership(a, leaving)).isPresent();
		mvc.perform(post(base + "/" + leaving.value() + "/remove").with(csrf())
			.with(signedIn(coordinator()))
			.param("sizeReason", "Left the program")).andExpect(redirectedUrl(base + "?removed"));
		assertThat(groups.membership(a, leaving)).isEmpty();
		assertThat(groups.cohortMembers(cohort)).doesNotContain(leaving);
		assertThat(audits("MENTORING_COHORT_MEMBER_REMOVED", leaving)).isEqualTo(1);

		// An evaluator listed after formation: the page says someone must move.
		PersonId stays = groups.members(a).get(0).person();
		groups.addConflict(stays, leaderA.id(), null, clock.instant());
		mvc.perform(get(base).with(signedIn(coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("One person sits in a group led from their supervisory line")));
		mvc.perform(get(base).with(signedIn(demo(identity, "director", Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCoordinatorMovesAPlannedMeetingAndChangesItsTopicAndCalendarsFollow() throws Exception {
		UUID cohort = UUID.randomUUID();
		groups.insertCohort(new GroupStore.CohortRow(cohort, "Meeting cohort", null, null, null, clock.instant()), null,
				List.of());
		Person leader = person();
		UUID group = group(cohort, "Group M", leader, 10);
		PersonId member = groups.members(group).get(0).person();
		ZoneId zone = ZoneId.of("America/Denver");
		ZonedDateTime start = ZonedDateTime.ofInstant(clock.instant(), zone).plusDays(5).withHour(17).withMinute(0);
		UUID meeting = UUID.randomUUID();
		groups.insertMeeting(new GroupStore.MeetingRow(meeting, group, start.toInstant(),
				start.plusMinutes(60).toInstant(), zone, "Room 1", null, false, 0));
		UUID held = UUID.randomUUID();
		groups.insertMeeting(new GroupStore.MeetingRow(held, group, clock.instant().minus(Duration.ofDays(2)),
				clock.instant().minus(Duration.ofDays(2)).plusSeconds(3600), zone, null, null, false, 0));
		String topic = topics.search(null, null, null, false).get(0).id().value().toString();
		String path = "/groups/manage/" + group + "/meetings/" + meeting + "/edit";
		LocalDate newDay = start.toLocalDate().plusDays(7);

		mvc.perform(get(path).with(signedIn(coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + start.toLocalDate() + "\"")));
		mvc.perform(post(path).with(csrf())
			.with(signedIn(coordinator()))
			.param("day", LocalDate.ofInstant(clock.instant(), zone).minusDays(1).toString())
			.param("start", "18:30")
			.param("minutes", "90")
			.param("topic", topic))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The meeting must be in the future")))
			.andExpect(content().string(containsString("value=\"18:30\"")));
		assertThat(entry(member, meeting).sequence()).isZero();

		mvc.perform(post(path).with(csrf())
			.with(signedIn(coordinator()))
			.param("day", newDay.toString())
			.param("start", "18:30")
			.param("minutes", "90")
			.param("topic", topic)).andExpect(redirectedUrl("/groups/manage/" + group + "?changed"));
		CalendarEntry changed = entry(member, meeting);
		assertThat(changed.sequence()).isEqualTo(1);
		assertThat(changed.start()).isEqualTo(newDay.atTime(18, 30).atZone(zone).toInstant());
		assertThat(changed.end()).isEqualTo(newDay.atTime(20, 0).atZone(zone).toInstant());
		assertThat(groups.meeting(meeting).orElseThrow().topic()).hasToString(topic);
		assertThat(entry(leader.id(), meeting).sequence()).isEqualTo(1);

		// A meeting that was held cannot be changed.
		mvc.perform(post("/groups/manage/" + group + "/meetings/" + held + "/edit").with(csrf())
			.with(signedIn(coordinator()))
			.param("day", newDay.toString())
			.param("start", "18:30")
			.param("minutes", "90"))
			.andExpect(content().string(containsString("Only a planned meeting that has not started can be changed")));
		assertThat(groups.meeting(held).orElseThrow().sequence()).isZero();
	}

	CalendarEntry entry(PersonId person, UUID meeting) {
		return calendars.stream()
			.flatMap(c -> c.entriesFor(person).stream())
			.filter(e -> e.uid().equals("mentoring-meeting-" + meeting + "@cpr"))
			.findFirst()
			.orElseThrow();
	}

	long audits(String action, PersonId subject) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject_id = ?")
			.params(action, subject.value())
			.query(Long.class)
			.single();
	}

	UUID group(UUID cohort, String name, Person leader, int size) {
		UUID id = UUID.randomUUID();
		groups.insertGroup(new GroupStore.GroupRow(id, cohort, name, null, 5), Instant.now(clock));
		groups.addLeader(id, leader.id());
		List<PersonId> members = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			PersonId p = person().id();
			groups.addCohortMember(cohort, p);
			groups.addMember(id, cohort, p, "BALANCED:0:0:");
			members.add(p);
		}
		return id;
	}

	Person person() {
		String username = "ge-" + UUID.randomUUID().toString().substring(0, 12);
		return new Person(new PersonId(
				people.create(new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example",
						"Person " + username, TraineeType.STAFF, null, null, null, true), null)),
				username);
	}

}
