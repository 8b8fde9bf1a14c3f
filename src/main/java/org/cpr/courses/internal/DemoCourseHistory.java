package org.cpr.courses.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.DemoHistorySeeder;
import org.cpr.courses.Attendance;
import org.cpr.courses.AttendanceVisibility;
import org.cpr.courses.Audience;
import org.cpr.courses.CourseCatalogue;
import org.cpr.courses.EvaluationSettings;
import org.cpr.courses.Offering;
import org.cpr.courses.OfferingId;
import org.cpr.courses.OfferingKind;
import org.cpr.courses.OfferingPlan;
import org.cpr.courses.Registrations;
import org.cpr.courses.Session;
import org.cpr.courses.SessionEvaluations;
import org.cpr.courses.SessionPlan;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SurveyCampaigns;
import org.cpr.survey.SurveyResponses;
import org.cpr.survey.Wave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): the program's past seven months of
 * teaching, replayed through the courses module's own services at earlier instants. The
 * facilitator planned a monthly noon conference on the Internal Medicine residents'
 * curriculum topics (the first seven of the plan; the last three stay gaps in the
 * coverage view), a communication workshop with a waitlist, an intern retreat and a
 * four-week mindfulness course with a WHO-5 pre/post measure, and has announced two talks
 * open to the whole campus (grand rounds, Schwartz Rounds) that the landing page lists.
 * Residents were registered as a cohort, the roll was taken after each session, the
 * session evaluations were sent when check-in closed and most attendees answered them
 * (anonymously, through the survey engine's pool); the course's participants answered its
 * pre and post waves. Everything an evaluator then sees (the coverage report, the reach
 * page, the offering's evaluation results) is computed from these records as for any
 * other year. Deterministic from {@code cpr.demo.history-seed}.
 */
@Component
@Order(175)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@DemoHistorySeeder
class DemoCourseHistory implements ApplicationRunner {

	static final String NOON_CONFERENCE = "Noon conference: ";

	static final String WORKSHOP = "Difficult conversations: a skills workshop";

	static final String RETREAT = "Intern retreat at the mountain campus";

	static final String COURSE = "Mindfulness for clinicians (four weeks)";

	static final String GRAND_ROUNDS = "Grand rounds: moral injury in clinical work";

	static final String SCHWARTZ_ROUNDS = "Schwartz Rounds: the human side of care";

	/** The plan topics taught so far, in the plan's order. */
	static final List<String> TAUGHT = List.of("sleep-fatigue", "ehr-efficiency", "communication-stress",
			"help-seeking-licensure", "grief-patient-death", "feedback", "moral-distress");

	private static final Logger log = LoggerFactory.getLogger(DemoCourseHistory.class);

	private static final ZoneId ZONE = ZoneId.of("America/Denver");

	private static final SubmissionContext NO_CONTEXT = new SubmissionContext(null, null, null);

	private final CourseCatalogue catalogue;

	private final Registrations registrations;

	private final Attendance attendance;

	private final SessionEvaluations evaluations;

	private final SurveyCampaigns campaigns;

	private final SurveyResponses responses;

	private final TopicLibrary topics;

	private final IdentityManagement identity;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long seed;

	DemoCourseHistory(CourseCatalogue catalogue, Registrations registrations, Attendance attendance,
			SessionEvaluations evaluations, SurveyCampaigns campaigns, SurveyResponses responses, TopicLibrary topics,
			IdentityManagement identity, JdbcClient jdbc, Clock clock,
			@Value("${cpr.demo.history-seed:2026}") long seed) {
		this.catalogue = catalogue;
		this.registrations = registrations;
		this.attendance = attendance;
		this.evaluations = evaluations;
		this.campaigns = campaigns;
		this.responses = responses;
		this.topics = topics;
		this.identity = identity;
		this.jdbc = jdbc;
		this.clock = clock;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<PersonSummary> facilitator = identity.byUsername("facilitator");
		Optional<OrgUnitSummary> im = unit("PRG-IM");
		Optional<OrgUnitSummary> som = unit("SOM");
		Integer existing = jdbc.sql("SELECT COUNT(*) FROM course_offering WHERE title = ?")
			.param(WORKSHOP)
			.query(Integer.class)
			.single();
		if (!(clock instanceof BackdatingClock past) || existing > 0 || facilitator.isEmpty() || im.isEmpty()
				|| som.isEmpty() || topics.find(topic(TAUGHT.get(0))).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		Random random = new Random(seed * 31 + 17);
		PersonId by = facilitator.get().id();
		LocalDate today = LocalDate.now(clock);
		List<PersonId> imResidents = sorted(
				identity.audience(List.of(im.get().id()), Set.of(TraineeType.RESIDENT), Set.of()));
		List<PersonSummary> somResidents = identity
			.audience(List.of(som.get().id()), Set.of(TraineeType.RESIDENT), Set.of())
			.stream()
			.sorted(Comparator.comparing(PersonSummary::username))
			.toList();
		int sessions = 0;
		// the noon conference: one curriculum topic a month, second Tuesday, for the IM
		// residents
		for (int i = 0; i < TAUGHT.size(); i++) {
			LocalDate day = today.minusMonths(TAUGHT.size() - i)
				.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
			TopicId topic = topic(TAUGHT.get(i));
			String title = NOON_CONFERENCE + topics.find(topic).map(t -> t.title()).orElse(TAUGHT.get(i));
			OfferingPlan plan = new OfferingPlan(title, OfferingKind.LECTURE,
					"The residents' monthly wellness noon conference, on the curriculum plan's topic of the month. Lunch provided.",
					List.of(topic), new Audience(Set.of(TraineeType.RESIDENT), Set.of(im.get().id()), Set.of()), null,
					"Protected time: pagers to the chief resident from 12:00 to 13:00.",
					AttendanceVisibility.REPORTED_TO_PROGRAM, false, 0, Set.of(by),
					List.of(plan(day, LocalTime.NOON, 60, "University Hospital, Conference Room 3B", 30)));
			OfferingId id = create(past, plan, by, day.minusDays(28));
			past.run(at(day.minusDays(21), 10), () -> registrations.registerCohort(id, imResidents, by));
			sessions += hold(past, id, imResidents, 6 + random.nextInt(3), random);
		}
		// a skills workshop for every School of Medicine resident: more asked than it
		// seats
		LocalDate workshopDay = today.minusMonths(5).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.SATURDAY));
		OfferingId workshop = create(past, new OfferingPlan(WORKSHOP, OfferingKind.WORKSHOP,
				"Breaking bad news, disclosing an error, de-escalating an angry family: three practised scenarios with actors, in small groups.",
				List.of(topic("communication-stress")),
				new Audience(Set.of(TraineeType.RESIDENT), Set.of(som.get().id()), Set.of()), null, null,
				AttendanceVisibility.REPORTED_TO_PROGRAM, false, 48, Set.of(by),
				List.of(plan(workshopDay, LocalTime.of(9, 0), 180, "Simulation Center, Suite 2", 14))), by,
				workshopDay.minusDays(40));
		List<PersonId> applicants = new ArrayList<>(somResidents.stream().map(PersonSummary::id).toList());
		Collections.shuffle(applicants, random);
		applicants = applicants.subList(0, Math.min(applicants.size(), 18));
		List<PersonId> workshopPeople = applicants;
		for (int i = 0; i < workshopPeople.size(); i++) {
			PersonId person = workshopPeople.get(i);
			past.run(at(workshopDay.minusDays(30 - i), 8 + i % 10),
					() -> registrations.register(workshop, person, Set.of(org.cpr.shared.Role.PARTICIPANT)));
		}
		sessions += hold(past, workshop, workshopPeople, 12, random);
		// the intern retreat: a day away for the PGY1 residents, names kept confidential
		LocalDate retreatDay = today.minusMonths(4).with(TemporalAdjusters.dayOfWeekInMonth(1, DayOfWeek.FRIDAY));
		List<PersonId> interns = sorted(
				somResidents.stream().filter(p -> "PGY1".equalsIgnoreCase(p.trainingLevel())).toList());
		OfferingId retreat = create(past, new OfferingPlan(RETREAT, OfferingKind.RETREAT,
				"A protected day away for the interns: a morning hike or yoga, small-group reflection on the first months, lunch together. Attendance is confidential.",
				List.of(topic("meaning-in-medicine")),
				new Audience(Set.of(TraineeType.RESIDENT), Set.of(som.get().id()), Set.of()), null,
				"Released from clinical duties for the day by the program directors.",
				AttendanceVisibility.CONFIDENTIAL, false, 72, Set.of(by),
				List.of(plan(retreatDay, LocalTime.of(8, 30), 450, "Mountain Campus Lodge", 40))), by,
				retreatDay.minusDays(45));
		past.run(at(retreatDay.minusDays(30), 9), () -> registrations.registerCohort(retreat, interns, by));
		sessions += hold(past, retreat, interns, Math.max(1, interns.size() - 1 - random.nextInt(2)), random);
		sessions += course(past, by, today, somResidents, random);
		upcomingForEveryone(past, by, today);
		log.info("Demo history: {} course and curriculum sessions held in {} ms", sessions,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The four-week course with a WHO-5 before and after (anonymous), open to everyone.
	 */
	private int course(BackdatingClock past, PersonId by, LocalDate today, List<PersonSummary> residents,
			Random random) {
		LocalDate first = today.minusMonths(3).with(TemporalAdjusters.dayOfWeekInMonth(1, DayOfWeek.WEDNESDAY));
		List<SessionPlan> weeks = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			weeks.add(plan(first.plusWeeks(w), LocalTime.of(17, 30), 90, "Wellness Center, Room 2", 16));
		}
		OfferingId course = create(past, new OfferingPlan(COURSE, OfferingKind.MULTI_WEEK_COURSE,
				"Four evening sessions of mindfulness practice adapted to clinical work: short practices between patients, noticing stress early, and self-compassion after a hard shift.",
				List.of(topic("sleep-fatigue")), Audience.everyone(), null, null, AttendanceVisibility.CONFIDENTIAL,
				true, 24, Set.of(by), weeks), by, first.minusDays(35));
		past.run(at(first.minusDays(34), 9),
				() -> evaluations.configure(course, new EvaluationSettings(null, true, "who-5"), by));
		List<PersonId> people = new ArrayList<>(residents.stream().map(PersonSummary::id).toList());
		Collections.shuffle(people, random);
		List<PersonId> seated = List.copyOf(people.subList(0, Math.min(people.size(), 12)));
		for (int i = 0; i < seated.size(); i++) {
			PersonId person = seated.get(i);
			past.run(at(first.minusDays(25 - i), 12),
					() -> registrations.register(course, person, Set.of(org.cpr.shared.Role.PARTICIPANT)));
		}
		// the pre/post campaign starts in the week before the first session
		past.run(at(first.minusDays(6), 7), evaluations::sendDue);
		List<UUID> waves = evaluations.prePostWaves(course).orElse(List.of());
		if (waves.size() == 2) {
			answerWho5(past, waves.get(0), seated, 10, 0, random);
		}
		int held = hold(past, course, seated, 10, random);
		if (waves.size() == 2) {
			answerWho5(past, waves.get(1), seated, 9, 3, random);
		}
		return held;
	}

	/**
	 * Holds every session of the offering: the roll after it ends, the evaluations sent
	 * when check-in closes, and the attendees' answers over the next days.
	 */
	private int hold(BackdatingClock past, OfferingId id, List<PersonId> people, int present, Random random) {
		Offering offering = catalogue.find(id).orElseThrow();
		int held = 0;
		for (Session session : offering.sessions()) {
			List<PersonId> seated = registrations.roster(id)
				.stream()
				.filter(r -> r.status() == org.cpr.courses.RegistrationStatus.SEATED)
				.map(r -> r.person())
				.filter(people::contains)
				.sorted(Comparator.comparing(PersonId::value))
				.toList();
			List<PersonId> order = new ArrayList<>(seated);
			Collections.shuffle(order, random);
			Set<PersonId> came = new LinkedHashSet<>(order.subList(0, Math.min(order.size(), present)));
			Instant end = session.end().toInstant();
			past.run(end.plus(Duration.ofMinutes(10)), () -> attendance.rollCall(session.id(), came));
			past.run(end.plus(Duration.ofMinutes(45)), evaluations::sendDue);
			held++;
			UUID wave = jdbc.sql("SELECT wave_id FROM course_session_evaluation WHERE session_id = ?")
				.param(session.id().value())
				.query(UUID.class)
				.optional()
				.orElse(null);
			if (wave == null) {
				continue;
			}
			int i = 0;
			for (PersonId person : came) {
				// most attendees answer; a well-liked session, with the odd lukewarm
				// answer
				if (random.nextInt(10) < 2) {
					continue;
				}
				Map<String, Object> answers = new HashMap<>();
				for (int item = 1; item <= 4; item++) {
					answers.put(Integer.toString(item), random.nextInt(10) < 2 ? 3 : 4 + random.nextInt(2));
				}
				Instant when = end.plus(Duration.ofHours(2 + 7L * i++));
				past.run(when, () -> responses.submit(wave, person, "demo-history-" + wave + "-" + person, answers,
						NO_CONTEXT));
			}
		}
		return held;
	}

	/** Answers a WHO-5 wave: {@code lift} raises the items after the course. */
	private void answerWho5(BackdatingClock past, UUID waveId, List<PersonId> people, int answering, int lift,
			Random random) {
		Wave wave = campaigns.wave(waveId).orElseThrow();
		List<PersonId> order = new ArrayList<>(people);
		Collections.shuffle(order, random);
		for (int i = 0; i < Math.min(answering, order.size()); i++) {
			PersonId person = order.get(i);
			Map<String, Object> answers = new HashMap<>();
			for (int item = 1; item <= 5; item++) {
				// before: six of ten at or below the WHO-5 screen (raw 12 or less),
				// after:
				// none (so the screen counts are releasable: 0, or 5 up to all but one)
				boolean low = lift == 0 && i < 6;
				answers.put(Integer.toString(item), low ? 1 + random.nextInt(2) : 3 + random.nextInt(3));
			}
			Instant when = at(wave.opensOn(), 18).plus(Duration.ofMinutes(37L * i));
			past.run(when, () -> responses.submit(waveId, person, "demo-history-" + waveId + "-" + person, answers,
					NO_CONTEXT));
		}
	}

	/**
	 * What comes next, open to the whole campus and listed publicly: the landing page and
	 * the public talks page show them, with a calendar entry each.
	 */
	private void upcomingForEveryone(BackdatingClock past, PersonId by, LocalDate today) {
		LocalDate grandRounds = today.plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
		create(past, new OfferingPlan(GRAND_ROUNDS, OfferingKind.LECTURE,
				"Grand rounds for every clinician on campus: what moral injury is, how it differs from burnout and PTSD, and what helps a team after a case that went against their values.",
				List.of(), Audience.everyone(), null, null, AttendanceVisibility.CONFIDENTIAL, true, 0, Set.of(by),
				List.of(plan(grandRounds, LocalTime.of(12, 0), 60, "University Hospital, Main Auditorium", 250))), by,
				today.minusDays(10));
		LocalDate rounds = today.plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(1, DayOfWeek.WEDNESDAY));
		create(past, new OfferingPlan(SCHWARTZ_ROUNDS, OfferingKind.LECTURE,
				"A monthly hour in which colleagues from every discipline talk about the human side of care. No slides, no fixing; lunch provided.",
				List.of(), Audience.everyone(), null, null, AttendanceVisibility.CONFIDENTIAL, true, 0, Set.of(by),
				List.of(plan(rounds, LocalTime.of(12, 0), 60, "Children's Hospital, Atrium Room", 120))), by,
				today.minusDays(6));
	}

	private OfferingId create(BackdatingClock past, OfferingPlan plan, PersonId by, LocalDate on) {
		return past.at(at(on, 9), () -> catalogue.create(plan, by));
	}

	private static SessionPlan plan(LocalDate day, LocalTime start, int minutes, String place, int capacity) {
		return new SessionPlan(day.atTime(start), day.atTime(start).plusMinutes(minutes), ZONE.getId(), place, null,
				capacity);
	}

	private Optional<OrgUnitSummary> unit(String code) {
		return identity.orgUnits().stream().filter(u -> code.equals(u.code())).findFirst();
	}

	private static List<PersonId> sorted(List<PersonSummary> people) {
		return people.stream().sorted(Comparator.comparing(PersonSummary::username)).map(PersonSummary::id).toList();
	}

	/**
	 * The demo topic library's ids are derived from the topic codes (the curriculum
	 * module's demo seeder), so the same code names the same topic on every demo campus.
	 */
	static TopicId topic(String code) {
		return new TopicId(UUID.nameUUIDFromBytes(("cpr-demo-topic:" + code).getBytes(StandardCharsets.UTF_8)));
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(ZONE).toInstant();
	}

}
