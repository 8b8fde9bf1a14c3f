package org.cpr.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.TraineeType;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.cpr.survey.Audience;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.Schedule;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.Wave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): a year of a quarterly anonymous resident
 * survey, replayed through the product's own path at earlier instants: the campaign is
 * created and launched, the scheduler invites, residents answer through the submission
 * service (so every answer goes sealed through the anonymous pool and is released in
 * batches), and the scheduler releases what remains after each wave closes. Most answers
 * name University Hospital (released); a few name Children's Hospital, a group that stays
 * suppressed below the minimum cell size. Answers improve over the year, as the CQI
 * register's "we did" entries say they should. Deterministic from
 * {@code cpr.demo.history-seed}.
 */
@Component
@Order(110)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoSurveyHistory implements ApplicationRunner {

	static final String TITLE = "Resident experience survey (quarterly)";

	private static final Logger log = LoggerFactory.getLogger(DemoSurveyHistory.class);

	private final JdbcTemplate jdbc;

	private final QuestionnaireLibrary library;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final WaveScheduler scheduler;

	private final IdentityAudience audience;

	private final IdentityManagement identity;

	private final Clock clock;

	private final long seed;

	DemoSurveyHistory(JdbcTemplate jdbc, QuestionnaireLibrary library, CampaignService campaigns,
			SubmissionService submissions, WaveScheduler scheduler, IdentityAudience audience,
			IdentityManagement identity, Clock clock, @Value("${cpr.demo.history-seed:2026}") long seed) {
		this.jdbc = jdbc;
		this.library = library;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.scheduler = scheduler;
		this.audience = audience;
		this.identity = identity;
		this.clock = clock;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM survey_campaign WHERE title = ?", Integer.class,
				TITLE);
		var facilitator = identity.byUsername("facilitator");
		var som = identity.orgUnits().stream().filter(u -> "SOM".equals(u.code())).findFirst();
		var version = library.latestPublished("cqi-rotation-feedback");
		if (!(clock instanceof BackdatingClock past) || (existing != null && existing > 0) || facilitator.isEmpty()
				|| som.isEmpty() || version.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int answers = seed(past, facilitator.get().id(), som.get(), version.get());
		log.info("Demo history: {} anonymous survey answers in {} ms", answers,
				(System.nanoTime() - started) / 1_000_000);
	}

	private int seed(BackdatingClock past, PersonId facilitator, OrgUnitSummary som, QuestionnaireVersion version) {
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(seed * 31 + 4);
		Audience residents = new Audience(Set.of(som.id().value()), Set.of(TraineeType.RESIDENT), Set.of());
		Schedule quarterly = new Schedule(Schedule.Kind.ROTATION, today.minusDays(364), 14, 13, today.minusDays(60));
		var id = past.at(at(today.minusDays(370), 9), () -> {
			var c = campaigns.create(facilitator, new CampaignSettings(TITLE,
					"Three questions and one comment about your last rotation, every quarter. Anonymous; results only for groups of 5 or more.",
					version.definitionId(), Integer.toString(version.number()), PrivacyMode.ANONYMOUS, 5, 10, null,
					residents, quarterly));
			campaigns.launch(facilitator, c, audience);
			return c;
		});
		// by username, so the same seed picks the same people on every demo campus
		List<PersonId> roster = identity.audience(List.of(som.id()), residents.types(), Set.of())
			.stream()
			.sorted(java.util.Comparator.comparing(org.cpr.identity.PersonSummary::username))
			.map(org.cpr.identity.PersonSummary::id)
			.toList();
		int stored = 0;
		List<Wave> waves = campaigns.waves(id);
		for (int w = 0; w < waves.size(); w++) {
			Wave wave = waves.get(w);
			past.run(at(wave.opensOn(), 7), scheduler::run);
			stored += answer(past, wave, w, roster, random);
			past.run(at(wave.closesOn().plusDays(1), 6), scheduler::run);
		}
		return stored;
	}

	/**
	 * About two thirds of the roster answer; the later the wave, the lighter the load.
	 */
	private int answer(BackdatingClock past, Wave wave, int index, List<PersonId> roster, Random random) {
		List<PersonId> order = new ArrayList<>(roster);
		java.util.Collections.shuffle(order, random);
		int respondents = Math.min(order.size(), 17 + random.nextInt(5));
		// three small groups (Children's Hospital, no hospital named, PGY4+) stay hidden;
		// together they are large enough that University Hospital's cell is released
		int children = 3;
		String[] comments = { "More cross-cover at night would make the workload safe.",
				"The new attending pager list helped a lot.", "Fix the order-set screens; they take forever.",
				"Protected teaching time was respected this block.", "Night float is still too thin on weekends." };
		for (int i = 0; i < respondents; i++) {
			PersonId person = order.get(i);
			Map<String, Object> answers = new HashMap<>();
			int heavier = Math.max(0, 2 - index / 2);
			answers.put("1", Math.min(3, random.nextInt(2) + heavier));
			answers.put("2", Math.min(3, random.nextInt(3 - Math.min(index, 2))));
			answers.put("3", Math.min(3, random.nextInt(3) + (index < 2 ? 1 : 0)));
			if (random.nextInt(3) > 0) {
				answers.put("4", comments[random.nextInt(comments.length)]);
			}
			String hospital = i < children ? "CH" : i < 2 * children ? null : "UH";
			String rotation = SubmissionContext.ROTATIONS.get(random.nextInt(SubmissionContext.ROTATIONS.size()));
			String band = SubmissionContext.PGY_BANDS.get(random.nextInt(2));
			Instant when = at(wave.opensOn().plusDays(i % 12), 12).plusSeconds(60L * i);
			past.run(when, () -> submissions.submit(wave.id(), person, "demo-history-" + wave.id() + "-" + person,
					answers, new SubmissionContext(hospital, rotation, band)));
		}
		return respondents;
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

}
