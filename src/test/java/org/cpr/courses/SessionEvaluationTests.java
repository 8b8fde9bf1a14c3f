package org.cpr.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.survey.ScoreChange;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SurveyResponses;
import org.cpr.survey.Wave;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Session evaluations and pre/post measures go to the right people through the survey
 * engine and come back only gated.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class SessionEvaluationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	Attendance attendance;

	@Autowired
	SessionEvaluations evaluations;

	@Autowired
	SurveyResponses responses;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Autowired
	org.cpr.evaluation.ProgramEvaluation programEvaluation;

	@Autowired
	org.cpr.survey.SurveyCampaigns campaigns;

	Instant before;

	List<PersonId> residents;

	CprUser director;

	CprUser facilitator;

	@BeforeEach
	void campus() {
		before = clock.instant();
		OrgUnitSummary im = identity.orgUnits()
			.stream()
			.filter(u -> "PRG-IM".equals(u.code()))
			.findFirst()
			.orElseThrow();
		residents = identity.audience(List.of(im.id()), Set.of(TraineeType.RESIDENT), Set.of())
			.stream()
			.map(PersonSummary::id)
			.toList();
		assertThat(residents).hasSizeGreaterThanOrEqualTo(7);
		director = user("director", Role.PROGRAM_DIRECTOR);
		facilitator = user("facilitator", Role.FACILITATOR);
	}

	@AfterEach
	void restoreClock() {
		clock.set(before);
	}

	CprUser user(String username, Role role) {
		PersonSummary p = identity.byUsername(username).orElseThrow();
		return new CprUser(p.id(), username, null, p.displayName(),
				Set.of(new ScopedRole(role, p.program() != null ? p.program() : identity.orgUnits().get(0).id())),
				false, true);
	}

	Offering course(String title, int weeks) {
		OfferingId id = catalogue.create(
				CourseFixtures.plan(title + " " + UUID.randomUUID(), 20, weeks,
						AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of(facilitator.personId())),
				facilitator.personId());
		for (PersonId p : residents.subList(0, 7)) {
			registrations.register(id, p, Set.of(Role.PARTICIPANT));
		}
		return catalogue.find(id).orElseThrow();
	}

	Set<UUID> openWaves(PersonId person) {
		return responses.openWavesFor(person).stream().map(Wave::id).collect(Collectors.toSet());
	}

	void answer(UUID wave, PersonId person, int items, int value) {
		answer(wave, person, items, value, value);
	}

	/**
	 * {@code odd} for items 1, 3, 5…, {@code even} for 2, 4, 6… (the BRS reverses the
	 * even ones).
	 */
	void answer(UUID wave, PersonId person, int items, int odd, int even) {
		Map<String, Object> answers = IntStream.rangeClosed(1, items)
			.boxed()
			.collect(Collectors.toMap(i -> Integer.toString(i), i -> i % 2 == 1 ? odd : even));
		responses.submit(wave, person, UUID.randomUUID().toString(), answers, new SubmissionContext(null, null, null));
	}

	@Test
	void afterASessionOnlyThoseWhoAttendedAreAskedAndTheDirectorSeesTheGatedAverage() throws Exception {
		Offering offering = course("Sleep and fatigue", 2);
		Session first = offering.sessions().get(0);
		clock.set(first.start().toInstant().plus(Duration.ofMinutes(5)));
		Set<PersonId> came = new HashSet<>(residents.subList(0, 6));
		attendance.rollCall(first.id(), came);
		clock.set(first.end().toInstant().plus(Duration.ofMinutes(10)));
		evaluations.sendDue();
		assertThat(evaluations.results(offering.id(), facilitator)).as("nothing before check-in closes").isEmpty();

		clock.set(first.end().toInstant().plus(Duration.ofMinutes(31)));
		evaluations.sendDue();
		List<SessionEvaluation> sent = evaluations.results(offering.id(), facilitator);
		assertThat(sent).hasSize(1);
		SessionEvaluation evaluation = sent.get(0);
		assertThat(evaluation.invited()).isEqualTo(6);
		assertThat(openWaves(residents.get(0))).contains(evaluation.wave());
		assertThat(openWaves(residents.get(6))).as("seated but absent").doesNotContain(evaluation.wave());
		evaluations.sendDue();
		assertThat(evaluations.results(offering.id(), facilitator)).as("sent once").hasSize(1);

		for (int i = 0; i < 5; i++) {
			answer(evaluation.wave(), residents.get(i), 4, 4);
		}
		assertThat(evaluations.results(offering.id(), director).get(0).result().released())
			.as("anonymous answers wait in the mixing pool until the wave closes")
			.isFalse();
		clock.set(clock.instant().plus(Duration.ofDays(8)));
		SessionEvaluation closed = evaluations.results(offering.id(), director).get(0);
		assertThat(closed.result()).isInstanceOf(Released.class);
		assertThat(((Released) closed.result()).respondents()).isEqualTo(5);
		assertThat(((Statistic.NumericSummary) ((Released) closed.result()).statistic()).mean()).isEqualTo(4.0);
		mvc.perform(get("/courses/offerings/" + offering.id() + "/evaluation").with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Average score 4.0 (n = 5)")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("What is sent"))));

		CprUser stranger = new CprUser(new PersonId(UUID.randomUUID()), "other", null, "Other",
				Set.of(new ScopedRole(Role.PROGRAM_DIRECTOR, identity.orgUnits().get(0).id())), false, true);
		assertThat(evaluations.results(offering.id(), stranger).get(0).messageKey())
			.isEqualTo("courses.evaluation.notYours");
	}

	@Test
	void aPrePostChangeIsShownOnlyWhenBothWavesPassTheGate() {
		Offering offering = course("Four weeks of resilience", 4);
		evaluations.configure(offering.id(), new EvaluationSettings(EvaluationSettings.SESSION_EVALUATION, true, "brs"),
				facilitator.personId());
		Session first = offering.sessions().get(0);
		Session last = offering.sessions().get(3);
		clock.set(first.start().toInstant().minus(Duration.ofDays(3)));
		evaluations.sendDue();
		List<UUID> waves = evaluations.prePostWaves(offering.id()).orElseThrow();
		assertThat(openWaves(residents.get(0))).contains(waves.get(0)).doesNotContain(waves.get(1));
		assertThatThrownBy(() -> evaluations.configure(offering.id(), new EvaluationSettings(null, true, "who-5"),
				facilitator.personId()))
			.isInstanceOf(InvalidPlan.class)
			.hasFieldOrPropertyWithValue("errors",
					List.of(new PlanError("prepostMeasure", "courses.evaluation.prepost.started")));
		for (int i = 0; i < 5; i++) {
			answer(waves.get(0), residents.get(i), 6, 2);
		}
		clock.set(last.end().toInstant().plus(Duration.ofHours(2)));
		assertThat(openWaves(residents.get(0))).contains(waves.get(1));
		for (int i = 0; i < 4; i++) {
			answer(waves.get(1), residents.get(i), 6, 4);
		}
		clock.set(clock.instant().plus(Duration.ofDays(15)));
		ScoreChange fewer = evaluations.change(offering.id(), director).orElseThrow();
		assertThat(fewer.released()).as("four answers after").isFalse();
		assertThat(fewer.difference()).isNull();
	}

	@Test
	void aPrePostChangeOfFiveAndFiveIsReleased() throws Exception {
		Offering offering = course("Mindfulness course", 2);
		evaluations.configure(offering.id(), new EvaluationSettings(null, true, "brs"), facilitator.personId());
		clock.set(offering.sessions().get(0).start().toInstant().minus(Duration.ofDays(2)));
		evaluations.sendDue();
		List<UUID> waves = evaluations.prePostWaves(offering.id()).orElseThrow();
		for (int i = 0; i < 5; i++) {
			answer(waves.get(0), residents.get(i), 6, 2, 4); // BRS 2.0
		}
		clock.set(offering.sessions().get(1).end().toInstant().plus(Duration.ofHours(1)));
		for (int i = 0; i < 5; i++) {
			answer(waves.get(1), residents.get(i), 6, 4, 2); // BRS 4.0
		}
		clock.set(clock.instant().plus(Duration.ofDays(15)));
		ScoreChange change = evaluations.change(offering.id(), director).orElseThrow();
		assertThat(change.released()).isTrue();
		assertThat(change.beforeRespondents()).isEqualTo(5);
		assertThat(change.afterRespondents()).isEqualTo(5);
		assertThat(change.before()).isEqualTo(2.0);
		assertThat(change.difference()).isEqualTo(2.0);
		mvc.perform(get("/courses/offerings/" + offering.id() + "/evaluation").with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Average score 2.00 before and 4.00 after (n = 5 and 5).")));
	}

	@Test
	void badSettingsAreRefusedAtTheFieldAndChangeNothing() throws Exception {
		Offering single = catalogue.find(catalogue.create(CourseFixtures.plan("One evening " + UUID.randomUUID(), 20, 1,
				AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of()), facilitator.personId()))
			.orElseThrow();
		mvc.perform(post("/courses/offerings/" + single.id() + "/evaluation").with(csrf())
			.with(signedIn(facilitator))
			.param("questionnaire", "no-such-form")
			.param("prepostMeasure", "brs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a published questionnaire.")))
			.andExpect(content().string(containsString("at least two sessions")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.matchesRegex("(?s).*<option value=\"brs\" selected=\"selected\".*")));
		assertThat(evaluations.settings(single.id())).isEqualTo(EvaluationSettings.DEFAULT);
		mvc.perform(post("/courses/offerings/" + single.id() + "/evaluation").with(csrf())
			.with(signedIn(director))
			.param("questionnaire", "")).andExpect(status().isForbidden());
		mvc.perform(post("/courses/offerings/" + single.id() + "/evaluation").with(csrf())
			.with(signedIn(facilitator))
			.param("questionnaire", "")).andExpect(status().is3xxRedirection());
		assertThat(evaluations.settings(single.id()).questionnaire()).isNull();
		mvc.perform(get("/courses/offerings/" + single.id() + "/evaluation").with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No evaluation has been sent yet")));
	}

	/**
	 * Program evaluation shows a course's own pre/post questionnaire as an unpaired
	 * standardized difference between the two anonymous waves' released figures (BRS
	 * before 2, 3, 2, 3, 2 and after 4, 3, 4, 3, 4: means 2.4 and 3.6, SD 0.548 each;
	 * pooled SD 0.548, d = 2.191, J = 1 − 3/31, g = 1.979, V = J²(10/25 + d²/20), 95 % CI
	 * 0.563 to 3.395, worked by hand from Borenstein et al. eq. 4.18–4.24), and its
	 * session ratings pooled over the released sessions only.
	 */
	@Test
	void programEvaluationShowsTheCoursesOwnMeasuresFromReleasedFiguresOnly() throws Exception {
		Offering offering = course("Resilience in two weeks", 2);
		evaluations.configure(offering.id(), new EvaluationSettings(EvaluationSettings.SESSION_EVALUATION, true, "brs"),
				facilitator.personId());
		Session first = offering.sessions().get(0);
		Session second = offering.sessions().get(1);
		clock.set(first.start().toInstant().minus(Duration.ofDays(2)));
		evaluations.sendDue();
		List<UUID> waves = evaluations.prePostWaves(offering.id()).orElseThrow();
		int[] before = { 2, 3, 2, 3, 2 };
		for (int i = 0; i < 5; i++) {
			answer(waves.get(0), residents.get(i), 6, before[i], 6 - before[i]);
		}
		// Session 1: six came, five rate it 4; session 2: six came, only four rate it 1.
		clock.set(first.start().toInstant().plus(Duration.ofMinutes(5)));
		attendance.rollCall(first.id(), new HashSet<>(residents.subList(0, 6)));
		clock.set(first.end().toInstant().plus(Duration.ofMinutes(31)));
		evaluations.sendDue();
		UUID firstRating = evaluations.results(offering.id(), facilitator).get(0).wave();
		for (int i = 0; i < 5; i++) {
			answer(firstRating, residents.get(i), 4, 4);
		}
		clock.set(second.start().toInstant().plus(Duration.ofMinutes(5)));
		attendance.rollCall(second.id(), new HashSet<>(residents.subList(0, 6)));
		clock.set(second.end().toInstant().plus(Duration.ofMinutes(31)));
		evaluations.sendDue();
		UUID secondRating = evaluations.results(offering.id(), facilitator).get(1).wave();
		for (int i = 0; i < 4; i++) {
			answer(secondRating, residents.get(i), 4, 1);
		}
		int[] after = { 4, 3, 4, 3, 4 };
		for (int i = 0; i < 5; i++) {
			answer(waves.get(1), residents.get(i), 6, after[i], 6 - after[i]);
		}
		java.time.LocalDate closes = campaigns.wave(waves.get(1)).orElseThrow().closesOn();
		org.cpr.evaluation.AcademicYear year = org.cpr.evaluation.AcademicYear.containing(closes);
		org.cpr.evaluation.Viewer viewer = new org.cpr.evaluation.Viewer(director.personId(), Role.PROGRAM_DIRECTOR,
				director.grants().stream().map(ScopedRole::scope).collect(Collectors.toSet()), director);
		assertThat(rows(year, viewer, offering)).as("no pre/post row until the post wave has closed")
			.noneMatch(r -> r.method().equals("unpaired"));

		clock.set(closes.plusDays(1).atStartOfDay(clock.getZone()).toInstant().plus(Duration.ofHours(12)));
		List<org.cpr.evaluation.CourseOutcomeRow> rows = rows(year, viewer, offering);
		org.cpr.evaluation.CourseOutcomeRow prePost = rows.stream()
			.filter(r -> r.method().equals("unpaired"))
			.findFirst()
			.orElseThrow();
		assertThat(prePost.before()).isEqualTo(5);
		assertThat(prePost.after()).isEqualTo(5);
		assertThat(prePost.beforeMean()).isCloseTo(2.4, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(prePost.afterMean()).isCloseTo(3.6, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(prePost.effect().g()).isCloseTo(1.979, org.assertj.core.api.Assertions.within(0.001));
		assertThat(prePost.effect().lower()).isCloseTo(0.563, org.assertj.core.api.Assertions.within(0.001));
		assertThat(prePost.effect().upper()).isCloseTo(3.395, org.assertj.core.api.Assertions.within(0.001));
		assertThat(prePost.cautions()).contains("evaluation.caution.unpaired", "evaluation.caution.smallN");

		// Differencing between rows: the pooled rating holds only the released session
		// (five 4s); the four 1s of session 2 cannot be had as pooled minus session 1.
		org.cpr.evaluation.CourseOutcomeRow ratings = rows.stream()
			.filter(r -> r.method().equals("ratings"))
			.findFirst()
			.orElseThrow();
		assertThat(ratings.after()).isEqualTo(5);
		assertThat(ratings.afterMean()).isEqualTo(4.0);
		assertThat(ratings.sessions()).isEqualTo(1);
		assertThat(evaluations.results(offering.id(), director).get(1).result().released())
			.as("the session with four answers stays withheld on the course page too")
			.isFalse();

		mvc.perform(
				get("/evaluation/impact").param("year", Integer.toString(year.startYear())).with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(offering.title())))
			.andExpect(content().string(containsString("Unpaired before and after (anonymous waves)")))
			.andExpect(content().string(containsString("1.98 (0.56 to 3.40)")))
			.andExpect(content().string(containsString("2.40 (n = 5)")));
		mvc.perform(get("/evaluation/annual").param("year", Integer.toString(year.startYear()))
			.param("lang", "es")
			.with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Las mediciones propias de cada curso")))
			.andExpect(content().string(containsString("Antes y después sin emparejar (oleadas anónimas)")));
		CprUser stranger = new CprUser(new PersonId(UUID.randomUUID()), "other", null, "Other",
				Set.of(new ScopedRole(Role.PROGRAM_DIRECTOR, identity.orgUnits().get(0).id())), false, true);
		assertThat(rows(year,
				new org.cpr.evaluation.Viewer(stranger.personId(), Role.PROGRAM_DIRECTOR,
						Set.of(identity.orgUnits().get(0).id()), stranger),
				offering))
			.as("someone who may not see the course's reports gets no row")
			.isEmpty();
	}

	List<org.cpr.evaluation.CourseOutcomeRow> rows(org.cpr.evaluation.AcademicYear year,
			org.cpr.evaluation.Viewer viewer, Offering offering) {
		return programEvaluation.impact(year, viewer)
			.courses()
			.stream()
			.filter(r -> r.offering().equals(offering.title()))
			.toList();
	}

}
