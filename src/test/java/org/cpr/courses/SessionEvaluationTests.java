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

}
