package org.cpr.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.groups.GroupsFixture.demo;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class GroupsWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	GroupMembership membership;

	@Autowired
	GroupMeetings meetings;

	@Autowired
	Cohorts cohorts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.cpr.identity.PeopleAdministration people;

	@Autowired
	List<InterventionReach> reach;

	CprUser coordinator() {
		return demo(identity, "facilitator", Role.FACILITATOR);
	}

	CprUser leader() {
		return demo(identity, "leader", Role.GROUP_LEADER, Role.PARTICIPANT);
	}

	long audits(String action, PersonId subject) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject_id = ?")
			.params(action, subject.value())
			.query(Long.class)
			.single();
	}

	@Test
	void aCoordinatorFormsANursingCohortIntoAGroupAndSeesWhyEachPersonSitsThere() throws Exception {
		// The nurse residency program, filled up to twelve (other test classes add nurses
		// elsewhere on the campus).
		var program = identity.orgUnits().stream().filter(u -> "PRG-NRES".equals(u.code())).findFirst().orElseThrow();
		var nurses = identity.audience(List.of(program.id()), Set.of(org.cpr.identity.TraineeType.NURSE), Set.of());
		for (int i = nurses.size(); i < 12; i++) {
			String username = "groups-nurse-" + UUID.randomUUID().toString().substring(0, 8);
			people.create(new org.cpr.identity.PeopleAdministration.PersonDetails(username,
					username + "@test.cpr.example", "Nurse " + username, org.cpr.identity.TraineeType.NURSE, null,
					program.id().value(), null, true), null);
		}
		String location = mvc
			.perform(post("/groups/cohorts").with(csrf())
				.with(signedIn(coordinator()))
				.param("name", "Nurses 2026")
				.param("program", program.id().value().toString())
				.param("traineeType", "NURSE")
				.param("level", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID cohort = GroupsFixture.id(location, "/groups/cohorts/");
		// a group leader who leads no group yet (the demo groups are led by "leader" and
		// another faculty member)
		PersonSummary free = identity
			.audience(identity.orgUnits().stream().filter(u -> u.parent() == null).map(u -> u.id()).toList(),
					Set.of(org.cpr.identity.TraineeType.FACULTY), Set.of(Role.GROUP_LEADER))
			.stream()
			.filter(p -> membership.ledBy(p.id()).isEmpty())
			.findFirst()
			.orElseThrow();
		int people = cohorts.find(cohort).orElseThrow().people();
		assertThat(people).isBetween(10, 15);
		mvc.perform(post("/groups/cohorts/" + cohort + "/proposal").with(csrf())
			.with(signedIn(coordinator()))
			.param("leaders", free.username()))
			.andExpect(content().string(containsString("Group 1 (" + people + " people)")))
			.andExpect(content().string(containsString("Led by " + free.displayName())))
			.andExpect(content().string(containsString("Riley Chen, RN")))
			.andExpect(content().string(containsString("Placed here to balance the group")));
		mvc.perform(post("/groups/cohorts/" + cohort + "/groups").with(csrf())
			.with(signedIn(coordinator()))
			.param("leaders", free.username())).andExpect(status().is3xxRedirection());
		assertThat(membership.groupsOfCohort(cohort)).singleElement().satisfies(g -> {
			assertThat(g.members()).isEqualTo(people);
			assertThat(g.leaderNames()).containsExactly(free.displayName());
		});
		mvc.perform(post("/groups/cohorts/" + cohort + "/groups").with(csrf())
			.with(signedIn(coordinator()))
			.param("leaders", free.username()))
			.andExpect(content().string(containsString("This cohort already has groups")));
		assertThat(membership.groupsOfCohort(cohort)).hasSize(1);
	}

	@Test
	void badCohortAndLeaderInputGetsFieldMessagesKeepsWhatWasTypedAndSavesNothing() throws Exception {
		int before = cohorts.all().size();
		mvc.perform(post("/groups/cohorts").with(csrf())
			.with(signedIn(coordinator()))
			.param("name", " ")
			.param("level", "PGY9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the cohort a name.")))
			.andExpect(content().string(containsString("value=\"PGY9\"")));
		mvc.perform(post("/groups/cohorts").with(csrf())
			.with(signedIn(coordinator()))
			.param("name", "Nobody")
			.param("level", "PGY9")).andExpect(content().string(containsString("Nobody active matches")));
		mvc.perform(post("/groups/cohorts").with(csrf())
			.with(signedIn(coordinator()))
			.param("name", "Bad")
			.param("traineeType", "WIZARD"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a trainee type from the list.")));
		mvc.perform(post("/groups/cohorts").with(csrf())
			.with(signedIn(coordinator()))
			.param("name", " ")
			.param("lang", "es")).andExpect(content().string(containsString("Dé un nombre a la cohorte.")));
		assertThat(cohorts.all()).hasSize(before);
		// a cohort not yet formed, for the leader errors
		UUID demoCohort = cohorts.create("Pharmacy residents", null, org.cpr.identity.TraineeType.PHARMACIST, null,
				null);
		mvc.perform(post("/groups/cohorts/" + demoCohort + "/proposal").with(csrf())
			.with(signedIn(coordinator()))
			.param("leaders", "no.such.person"))
			.andExpect(content().string(containsString("Nobody active has the username no.such.person.")));
		mvc.perform(post("/groups/cohorts/" + demoCohort + "/proposal").with(csrf())
			.with(signedIn(coordinator()))
			.param("leaders", "resident"))
			.andExpect(content().string(containsString("resident is not a group leader.")));
	}

	@Test
	void programDirectorsAndListedEvaluatorsAreInTheSupervisoryLine() throws Exception {
		PersonSummary resident = identity.byUsername("resident").orElseThrow();
		PersonSummary director = identity.byUsername("director").orElseThrow();
		PersonSummary lead = identity.byUsername("leader").orElseThrow();
		assertThat(cohorts.conflicts(List.of(resident), List.of(director, lead)).get(resident.id()))
			.containsExactly(director.id());

		mvc.perform(post("/groups/conflicts/preview").with(csrf())
			.with(signedIn(coordinator()))
			.param("csv", "trainee,evaluator\nresident,leader\nghost,leader\n"))
			.andExpect(content().string(containsString("No person has this trainee username.")))
			.andExpect(content().string(not(containsString("id=\"apply\""))));
		mvc.perform(post("/groups/conflicts/apply").with(csrf())
			.with(signedIn(coordinator()))
			.param("csv", "trainee,evaluator\nresident,leader\nghost,leader\n"))
			.andExpect(content().string(containsString("Fix the lines marked above first; nothing was changed.")));
		assertThat(cohorts.conflicts(List.of(resident), List.of(lead))).isEmpty();
		mvc.perform(post("/groups/conflicts/preview").with(csrf())
			.with(signedIn(coordinator()))
			.param("csv", "who,whom\nx,y"))
			.andExpect(content().string(containsString("The first line must be the header trainee,evaluator.")));
		mvc.perform(post("/groups/conflicts/preview").with(csrf())
			.with(signedIn(coordinator()))
			.param("csv", "trainee,evaluator\nresident,leader"))
			.andExpect(content().string(containsString("Will be added")))
			.andExpect(content().string(containsString("id=\"apply\"")));
		mvc.perform(post("/groups/conflicts/apply").with(csrf())
			.with(signedIn(coordinator()))
			.param("csv", "trainee,evaluator\nresident,leader"))
			.andExpect(content().string(containsString("1 conflict added")));
		assertThat(cohorts.conflicts(List.of(resident), List.of(lead)).get(resident.id())).containsExactly(lead.id());
		jdbc.sql("DELETE FROM mentoring_conflict WHERE member_id = ?").param(resident.id().value()).update();
	}

	@Test
	void moveIntoAGroupLedFromTheSupervisoryLineOrOutOfTheSizeRangeIsRefusedUntilAReasonIsGiven() throws Exception {
		MentoringGroup mine = GroupsFixture.leadersGroup(membership, identity);
		MentoringGroup other = membership.groupsOfCohort(mine.cohort())
			.stream()
			.filter(g -> !g.id().equals(mine.id()))
			.findFirst()
			.orElseThrow();
		GroupMember someone = membership.members(mine.id(), coordinator().personId(), "test").get(0);
		mvc.perform(post("/groups/manage/" + mine.id() + "/move").with(csrf())
			.with(signedIn(coordinator()))
			.param("person", someone.person().toString())
			.param("target", other.id().toString()))
			.andExpect(content()
				.string(containsString("A group would have fewer than 10 or more than 15 members: say why.")));
		assertThat(membership.group(mine.id()).orElseThrow().members()).isEqualTo(mine.members());
		mvc.perform(post("/groups/manage/" + mine.id() + "/move").with(csrf())
			.with(signedIn(coordinator()))
			.param("person", someone.person().toString())
			.param("target", other.id().toString())
			.param("sizeReason", "Rotation clash on Tuesdays")).andExpect(status().is3xxRedirection());
		assertThat(membership.group(other.id()).orElseThrow().sizeReason()).isEqualTo("Rotation clash on Tuesdays");
		mvc.perform(get("/groups/manage/" + other.id()).with(signedIn(coordinator())))
			.andExpect(content().string(containsString("Moved here by the coordinator.")));
		// and back, so other tests see the demo groups as seeded
		cohorts.move(other.id(), someone.person(), mine.id(), null, coordinator().personId());
	}

	@Test
	void theLeaderSeesTheDashboardTakesTheRollAndEveryViewOfAttendanceIsAudited() throws Exception {
		MentoringGroup group = GroupsFixture.leadersGroup(membership, identity);
		mvc.perform(get("/groups/lead").with(signedIn(leader()))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/groups/lead/" + group.id()).with(signedIn(leader())))
			.andExpect(content().string(containsString("Next meeting")))
			.andExpect(content().string(containsString("of " + group.members() + " came")))
			.andExpect(content().string(containsString("Leader guides")))
			.andExpect(content().string(not(containsString("<textarea"))));
		Meeting held = meetings.meetings(group.id())
			.stream()
			.filter(m -> m.end().toInstant().isBefore(clock.instant()))
			.findFirst()
			.orElseThrow();
		GroupMember member = membership.members(group.id(), leader().personId(), "test").get(0);
		long before = audits("MENTORING_ATTENDANCE_VIEWED", member.person());
		mvc.perform(get("/groups/lead/meetings/" + held.id() + "/attendance").with(signedIn(leader())))
			.andExpect(content().string(containsString(member.displayName())));
		assertThat(audits("MENTORING_ATTENDANCE_VIEWED", member.person())).isEqualTo(before + 1);
		mvc.perform(post("/groups/lead/meetings/" + held.id() + "/attendance").with(csrf())
			.with(signedIn(leader()))
			.param("present", member.person().toString())).andExpect(status().is3xxRedirection());
		assertThat(meetings.trend(group.id(), leader().personId()).get(0).count()).isEqualTo(1);
		mvc.perform(post("/groups/lead/meetings/" + held.id() + "/attendance").with(csrf())
			.with(signedIn(leader()))
			.param("present", identity.byUsername("director").orElseThrow().id().toString()))
			.andExpect(content().string(containsString("Someone in the list is not a member of this group.")));
		assertThat(meetings.trend(group.id(), leader().personId()).get(0).count()).isEqualTo(1);
		// the program now sees that meeting as hidden (1 < 5), the others as counts
		mvc.perform(get("/groups/report").with(signedIn(demo(identity, "director", Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(containsString("Fewer than 5 attended: hidden to protect the members")))
			.andExpect(content().string(containsString(" attended")))
			.andExpect(content().string(not(containsString(member.displayName()))));
	}

	@Test
	void anotherLeaderCannotOpenThisGroupOrItsRoll() throws Exception {
		MentoringGroup group = GroupsFixture.leadersGroup(membership, identity);
		CprUser stranger = GroupsFixture.demo(identity, "director", Role.GROUP_LEADER);
		Meeting any = meetings.meetings(group.id()).get(0);
		mvc.perform(get("/groups/lead/" + group.id()).with(signedIn(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/groups/lead/meetings/" + any.id() + "/attendance").with(signedIn(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/groups/lead/meetings/" + any.id() + "/attendance").with(csrf()).with(signedIn(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/meetings/" + any.id() + "/attendance").with(signedIn(stranger)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No such group or meeting."));
	}

	@Test
	void aMemberAcceptsTheAgreementOnceAndOnlyThenSeesWhoIsInTheGroup() throws Exception {
		CprUser resident = demo(identity, "resident", Role.PARTICIPANT);
		MentoringGroup group = membership.memberOf(resident.personId()).get(0);
		String fellow = membership.members(group.id(), resident.personId(), "test")
			.stream()
			.filter(m -> !m.person().equals(resident.personId()))
			.findFirst()
			.orElseThrow()
			.displayName();
		jdbc.sql("UPDATE mentoring_group_member SET agreement_accepted_at = NULL WHERE person_id = ?")
			.param(resident.personId().value())
			.update();
		mvc.perform(get("/groups/mine").with(signedIn(resident)))
			.andExpect(content().string(containsString("Confidentiality agreement")))
			.andExpect(content().string(not(containsString(fellow))));
		mvc.perform(post("/groups/mine/" + group.id() + "/agreement").with(csrf()).with(signedIn(resident)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/groups/mine/" + group.id() + "/agreement").with(csrf()).with(signedIn(resident)))
			.andExpect(status().is3xxRedirection());
		assertThat(audits("MENTORING_AGREEMENT_ACCEPTED", resident.personId())).isEqualTo(1);
		mvc.perform(get("/groups/mine").with(signedIn(resident)))
			.andExpect(content().string(containsString("You accepted the group’s confidentiality agreement.")))
			.andExpect(content().string(containsString(fellow)));
		mvc.perform(post("/groups/mine/" + UUID.randomUUID() + "/agreement").with(csrf()).with(signedIn(resident)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/calendar/me.ics").with(signedIn(resident)))
			.andExpect(content().string(containsString("SUMMARY:Mentoring group: Group")));
	}

	@Test
	void aWorriedLeaderRefersWithConsentOrUnderTheCrisisProtocolAndBothAreAudited() throws Exception {
		MentoringGroup group = GroupsFixture.leadersGroup(membership, identity);
		GroupMember member = membership.members(group.id(), leader().personId(), "test").get(1);
		mvc.perform(post("/groups/lead/" + group.id() + "/referral").with(csrf())
			.with(signedIn(leader()))
			.param("member", member.person().toString())
			.param("basis", "CONSENT"))
			.andExpect(content().string(containsString("Confirm that the member agreed to be contacted.")));
		mvc.perform(post("/groups/lead/" + group.id() + "/referral").with(csrf())
			.with(signedIn(leader()))
			.param("member", member.person().toString())
			.param("basis", "CONSENT")
			.param("confirmed", "true"))
			.andExpect(content().string(containsString("A resilience clinician will contact them.")));
		mvc.perform(post("/groups/lead/" + group.id() + "/referral").with(csrf())
			.with(signedIn(leader()))
			.param("member", member.person().toString())
			.param("basis", "CRISIS_PROTOCOL")
			.param("confirmed", "true"))
			.andExpect(content().string(containsString("The on-call resilience clinician has been alerted.")));
		assertThat(jdbc.sql(
				"SELECT tier FROM safety_alert WHERE source_type = 'mentoring-referral' AND person_id = ? ORDER BY tier")
			.param(member.person().value())
			.query(String.class)
			.list()).containsExactly("TIER_1", "TIER_3");
		assertThat(audits("MENTORING_CRISIS_REFERRAL", member.person())).isEqualTo(1);
		assertThat(audits("MENTORING_REFERRAL", member.person())).isEqualTo(1);
		mvc.perform(get("/groups/lead/" + group.id() + "/referral").with(signedIn(leader())))
			.andExpect(content().string(not(containsString("<textarea"))));
	}

	@Test
	void theApiPlansMeetingsAndRefusesBadInputWithProblemDetails() throws Exception {
		MentoringGroup group = GroupsFixture.leadersGroup(membership, identity);
		String day = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(60)), ZoneOffset.UTC).toString();
		mvc.perform(post("/api/v1/groups/" + group.id() + "/meetings").with(signedIn(coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstDay\":\"" + day
					+ "\",\"start\":\"17:00\",\"minutes\":60,\"timeZone\":\"Mars/Olympus\",\"count\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("timeZone"))
			.andExpect(jsonPath("$.detail").value("Give a time zone such as America/Denver."));
		mvc.perform(post("/api/v1/groups/" + group.id() + "/meetings").with(signedIn(coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"firstDay\":\"2020-01-01\",\"start\":\"17:00\",\"minutes\":60,\"timeZone\":\"America/Denver\",\"count\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("firstDay"));
		mvc.perform(post("/api/v1/groups/" + group.id() + "/meetings").with(signedIn(coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstDay\":\"not a date\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/groups/" + UUID.randomUUID() + "/meetings").with(signedIn(coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstDay\":\"" + day
					+ "\",\"start\":\"17:00\",\"minutes\":60,\"timeZone\":\"America/Denver\",\"count\":2}"))
			.andExpect(status().isNotFound());
		int before = meetings.meetings(group.id()).size();
		mvc.perform(post("/api/v1/groups/" + group.id() + "/meetings").with(signedIn(coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstDay\":\"" + day
					+ "\",\"start\":\"17:00\",\"minutes\":60,\"timeZone\":\"America/Denver\",\"count\":2,\"everyWeeks\":2}"))
			.andExpect(status().isCreated());
		assertThat(meetings.meetings(group.id())).hasSize(before + 2);
		Meeting future = meetings.meetings(group.id()).get(meetings.meetings(group.id()).size() - 1);
		mvc.perform(put("/api/v1/meetings/" + future.id() + "/attendance").with(signedIn(leader()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"present\":[]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("groups.attendance.notYet"));
		for (Meeting m : meetings.meetings(group.id()).subList(before, before + 2)) {
			meetings.cancel(m.id(), coordinator().personId());
		}
	}

	@Test
	void evaluationCountsWhoAttendedAtLeastOneMeetingInTheWindow() {
		InterventionReach groups = reach.stream()
			.filter(r -> r.type() == InterventionType.MENTORING_GROUP)
			.findFirst()
			.orElseThrow();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		InterventionReach.Reach.Participants last = (InterventionReach.Reach.Participants) groups
			.reach(today.minusMonths(4), today.plusDays(1));
		assertThat(last.people()).isNotEmpty();
		InterventionReach.Reach.Participants none = (InterventionReach.Reach.Participants) groups
			.reach(today.minusYears(3), today.minusYears(2));
		assertThat(none.people()).isEmpty();
		assertThat(Set.copyOf(last.people())).doesNotContain(identity.byUsername("leader").orElseThrow().id());
	}

	@Test
	void everyGroupsPageSpeaksEnglishAndSpanishWithoutMissingMessages() throws Exception {
		MentoringGroup group = GroupsFixture.leadersGroup(membership, identity);
		Meeting first = meetings.meetings(group.id()).get(0);
		CprUser director = demo(identity, "director", Role.PROGRAM_DIRECTOR);
		CprUser resident = demo(identity, "resident", Role.PARTICIPANT);
		List<Object[]> pages = List.of(new Object[] { coordinator(), "/groups/cohorts", "Nueva cohorte" },
				new Object[] { coordinator(), "/groups/cohorts/" + group.cohort(), "Grupos" },
				new Object[] { coordinator(), "/groups/manage/" + group.id(), "Planificar reuniones" },
				new Object[] { coordinator(), "/groups/conflicts", "Conflictos con evaluadores" },
				new Object[] { leader(), "/groups/lead/" + group.id(), "Próxima reunión" },
				new Object[] { leader(), "/groups/lead/meetings/" + first.id() + "/attendance", "Quién asistió" },
				new Object[] { leader(), "/groups/lead/" + group.id() + "/referral", "Con qué fundamento" },
				new Object[] { resident, "/groups/mine", "Mi grupo de mentoría" },
				new Object[] { director, "/groups/report", "Grupos de mentoría: asistencia" });
		for (Object[] page : pages) {
			for (String lang : List.of("en", "es")) {
				mvc.perform(get((String) page[1]).param("lang", lang).with(signedIn((CprUser) page[0])))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString("??"))))
					.andExpect(
							lang.equals("es") ? content().string(containsString((String) page[2])) : status().isOk());
			}
		}
	}

}
