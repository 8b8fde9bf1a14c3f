package org.cpr.groups.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.groups.FeedbackReport;
import org.cpr.groups.GroupFeedback;
import org.cpr.groups.UnknownGroupRecord;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.needs.NeedsTestSupport;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SurveyResponses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Anonymous group feedback through the survey engine: members answer the wave sent after
 * a meeting, and a leader or the program sees the answers only pooled and through the
 * disclosure gate.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class GroupFeedbackTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GroupFeedback feedback;

	@Autowired
	GroupStore groups;

	@Autowired
	FeedbackStore store;

	@Autowired
	SurveyResponses responses;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** A group of the test's own cohort: its leader and its members. */
	record TestGroup(UUID id, UUID cohort, CprUser leader, List<PersonId> members) {
	}

	@Test
	void aGroupsFeedbackIsPooledOverItsMeetingsAndShownOnlyOnceItsThresholdAnswered() throws Exception {
		TestGroup g = cohort(1, 8).get(0);
		answer(g, 3, 4, null);
		FeedbackReport early = feedback.report(g.id(), g.leader());
		assertThat(early.respondents()).isNull();
		assertThat(early.measures()).isEmpty();
		assertThat(early.messageKey()).isEqualTo("groups.feedback.tooFew");
		mvc.perform(get("/groups/lead/" + g.id() + "/feedback").with(signedIn(g.leader())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fewer than 5 answers so far")))
			.andExpect(content().string(not(containsString("feedback-measures"))));

		answer(g, 2, 2, null);
		FeedbackReport pooled = feedback.report(g.id(), g.leader());
		assertThat(pooled.scope()).isEqualTo(FeedbackReport.Scope.GROUP);
		assertThat(pooled.respondents()).isEqualTo(5);
		// three 4s and two 2s
		assertThat(pooled.measures()).extracting(FeedbackReport.Measure::mean).containsExactly(3.2, 3.2, 3.2);
		mvc.perform(get("/groups/lead/" + g.id() + "/feedback").with(signedIn(g.leader())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("5 answers, pooled over all of this group")))
			.andExpect(content().string(containsString("3.2")));
		CprUser director = user(Role.PROGRAM_DIRECTOR);
		mvc.perform(get("/groups/report/" + g.id() + "/feedback").with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3.2")));
	}

	@Test
	void aSmallGroupIsPooledWithItsCohortAndALeaderOfAnotherGroupGetsNothing() throws Exception {
		List<TestGroup> cohort = cohort(2, 6);
		TestGroup a = cohort.get(0);
		TestGroup b = cohort.get(1);
		UUID wave = answer(a, 3, 5, null);
		answer(b, 3, 3, null);

		FeedbackReport pooled = feedback.report(a.id(), a.leader());
		assertThat(pooled.scope()).isEqualTo(FeedbackReport.Scope.COHORT);
		assertThat(pooled.groupsPooled()).isEqualTo(2);
		assertThat(pooled.respondents()).isEqualTo(6);
		assertThat(pooled.measures()).extracting(FeedbackReport.Measure::mean).containsOnly(4.0);
		mvc.perform(get("/groups/lead/" + a.id() + "/feedback").with(signedIn(a.leader())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("pooled over the meetings of all 2 groups")));

		// The other group's leader sees neither group A's page nor the survey behind it.
		assertThatThrownBy(() -> feedback.report(a.id(), b.leader())).isInstanceOf(UnknownGroupRecord.class);
		mvc.perform(get("/groups/lead/" + a.id() + "/feedback").with(signedIn(b.leader())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(signedIn(a.leader())))
			.andExpect(status().is4xxClientError());
		// Nor does the campaign's owner, the cohort's coordinator: a per-meeting report
		// in
		// the survey engine's own disclosure round could be subtracted from the pooled
		// one.
		CprUser owner = new CprUser(identity.byUsername("facilitator").orElseThrow().id(), "facilitator", null,
				"Facilitator", Set.of(new ScopedRole(Role.FACILITATOR, anyUnit())), false, true);
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(signedIn(owner))).andExpect(status().isNotFound());
		// A participant is no leader of anything.
		assertThatThrownBy(() -> feedback.report(a.id(), user(Role.PARTICIPANT)))
			.isInstanceOf(UnknownGroupRecord.class);
	}

	@Test
	void commentsAreShownOnlyOnceTenPeopleWroteOne() throws Exception {
		TestGroup nine = cohort(1, 12).get(0);
		answer(nine, 10, 4, 9);
		FeedbackReport withheld = feedback.report(nine.id(), nine.leader());
		assertThat(withheld.respondents()).isEqualTo(10);
		assertThat(withheld.comments()).isEmpty();
		assertThat(withheld.commentsMessageKey()).isEqualTo("groups.feedback.comments.tooFew");
		mvc.perform(get("/groups/lead/" + nine.id() + "/feedback").with(signedIn(nine.leader())))
			.andExpect(content().string(containsString("only once at least 10 people wrote one")))
			.andExpect(content().string(not(containsString("Comment number"))));

		TestGroup ten = cohort(1, 12).get(0);
		answer(ten, 10, 4, 10);
		FeedbackReport shown = feedback.report(ten.id(), ten.leader());
		assertThat(shown.comments()).hasSize(10).allSatisfy(c -> assertThat(c).startsWith("Comment number"));
		mvc.perform(get("/groups/lead/" + ten.id() + "/feedback").with(signedIn(ten.leader())))
			.andExpect(content().string(containsString("Comment number 7")));
	}

	/**
	 * A held meeting of the group, its feedback wave sent, {@code count} members
	 * answering every statement with {@code rating} ({@code commenting} of them with a
	 * comment), the wave closed and its answers released. Returns the survey wave.
	 */
	UUID answer(TestGroup g, int count, int rating, Integer commenting) {
		Instant now = clock.instant();
		UUID meeting = UUID.randomUUID();
		groups.insertMeeting(new GroupStore.MeetingRow(meeting, g.id(), now.minus(Duration.ofHours(2)),
				now.minus(Duration.ofHours(1)), ZoneId.of("America/Denver"), null, null, false, 0));
		feedback.sendDue();
		UUID wave = store.waveOfMeeting(meeting).orElseThrow().wave();
		// counted before anything is sent: the pool may release a batch before the wave
		// closes
		long before = stored(g.id());
		for (int i = 0; i < count; i++) {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("useful", BigDecimal.valueOf(rating));
			a.put("safe", BigDecimal.valueOf(rating));
			a.put("recommend", BigDecimal.valueOf(rating));
			if (commenting != null && i < commenting) {
				a.put("comment", "Comment number " + i);
			}
			// What a client types is replaced by the group the sender attaches.
			responses.submit(wave, g.members().get(i), "k-" + UUID.randomUUID(), a,
					new SubmissionContext("UH", "nights", null));
		}
		clock.advance(Duration.ofDays(GroupFeedbackService.OPEN_DAYS + 1));
		NeedsTestSupport.runSurveyScheduler(context);
		await().atMost(Duration.ofSeconds(20)).until(() -> stored(g.id()) == before + count);
		assertThat(jdbc.sql("SELECT DISTINCT rotation FROM survey_response_anon WHERE wave_id = ?")
			.param(wave)
			.query(String.class)
			.list()).containsExactly("group:" + g.id());
		return wave;
	}

	long stored(UUID group) {
		return jdbc.sql("SELECT COUNT(*) FROM mentoring_feedback WHERE group_id = ?")
			.param(group)
			.query(Long.class)
			.single();
	}

	List<TestGroup> cohort(int groupCount, int membersEach) {
		UUID cohort = UUID.randomUUID();
		PersonId coordinator = identity.byUsername("facilitator").orElseThrow().id();
		groups.insertCohort(new GroupStore.CohortRow(cohort, "Feedback cohort", null, null, null, clock.instant()),
				coordinator, List.of());
		List<TestGroup> out = new ArrayList<>();
		for (int g = 0; g < groupCount; g++) {
			UUID id = UUID.randomUUID();
			groups.insertGroup(new GroupStore.GroupRow(id, cohort, "Feedback group " + (g + 1), null, 5),
					clock.instant());
			PersonId leader = person();
			groups.addLeader(id, leader);
			List<PersonId> members = new ArrayList<>();
			for (int m = 0; m < membersEach; m++) {
				PersonId p = person();
				groups.addMember(id, cohort, p, "test");
				members.add(p);
			}
			out.add(new TestGroup(id, cohort, new CprUser(leader, "leader-" + leader.value(), null, "Leader",
					Set.of(new ScopedRole(Role.GROUP_LEADER, anyUnit())), false, true), members));
		}
		return out;
	}

	PersonId person() {
		String username = "fb-" + UUID.randomUUID().toString().substring(0, 12);
		return new PersonId(
				people.create(new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example",
						"Person " + username, TraineeType.STAFF, null, null, null, true), null));
	}

	CprUser user(Role role) {
		return new CprUser(new PersonId(UUID.randomUUID()), role.name().toLowerCase(), null, "Test",
				Set.of(new ScopedRole(role, anyUnit())), false, true);
	}

	OrgUnitId anyUnit() {
		return identity.orgUnits().get(0).id();
	}

}
