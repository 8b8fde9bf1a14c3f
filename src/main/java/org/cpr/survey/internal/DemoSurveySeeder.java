package org.cpr.survey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.TraineeType;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.PersonId;
import org.cpr.survey.Audience;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.Schedule;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo only: a hospital CQI questionnaire (written for this platform) and an anonymous
 * campaign that asks the School of Medicine's residents at the end of every four-week
 * rotation block at University Hospital — so the demo shows the CQI feedback loop from
 * the first start.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoSurveySeeder implements ApplicationRunner {

	static final String TITLE = "End-of-rotation feedback: University Hospital";

	private final JdbcTemplate jdbc;

	private final QuestionnaireLibrary library;

	private final CampaignService campaigns;

	private final IdentityAudience audience;

	private final IdentityManagement identity;

	private final Clock clock;

	DemoSurveySeeder(JdbcTemplate jdbc, QuestionnaireLibrary library, CampaignService campaigns,
			IdentityAudience audience, IdentityManagement identity, Clock clock) {
		this.jdbc = jdbc;
		this.library = library;
		this.campaigns = campaigns;
		this.audience = audience;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM survey_campaign WHERE title = ?", Integer.class,
				TITLE);
		PersonId facilitator = identity.byUsername("facilitator").map(p -> p.id()).orElse(null);
		var som = identity.orgUnits().stream().filter(u -> "SOM".equals(u.code())).findFirst();
		if ((existing != null && existing > 0) || facilitator == null || som.isEmpty()) {
			return;
		}
		QuestionnaireVersion version = library.latestPublished("cqi-rotation-feedback").orElseGet(() -> {
			try (InputStream in = new ClassPathResource("demo/cqi-rotation-feedback.json").getInputStream()) {
				return library.importFhir(new String(in.readAllBytes(), StandardCharsets.UTF_8), true, false,
						facilitator);
			}
			catch (IOException e) {
				throw new IllegalStateException("demo questionnaire missing", e);
			}
		});
		LocalDate today = LocalDate.now(clock);
		var id = campaigns.create(facilitator, new CampaignSettings(TITLE,
				"Three questions and one comment about the rotation you just finished. Anonymous; results only for groups of 5 or more.",
				version.definitionId(), Integer.toString(version.number()), PrivacyMode.ANONYMOUS, 5, 10, "UH",
				new Audience(Set.of(som.get().id().value()), Set.of(TraineeType.RESIDENT), Set.of()),
				new Schedule(Schedule.Kind.ROTATION, today.minusDays(3), 14, 4, today.plusMonths(12))));
		campaigns.launch(facilitator, id, audience);
	}

}
