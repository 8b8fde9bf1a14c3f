package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A survey answer with a critical item (the questionnaire's SAFETY flag, e.g. PHQ-9 item
 * 9 above zero) reaches a clinician as exactly one alert when the survey is confidential
 * or identified, and raises no alert at all when it is anonymous (the crisis panel is the
 * answer there).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SurveySafetyRoutingTests {

	static final String PHQ9_ITEM9 = "{\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":1}";
	static final String PHQ9_CALM = "{\"1\":0,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":0}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	final CprUser facilitator = person(Role.FACILITATOR);

	UUID openWave(String mode) throws Exception {
		String c = mvc
			.perform(post("/api/v1/surveys/campaigns").with(as(facilitator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Mood check\",\"questionnaireId\":\"phq-9\",\"privacyMode\":\"" + mode + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID campaign = UUID.fromString(c.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
		String w = mvc
			.perform(post("/api/v1/surveys/campaigns/" + campaign + "/waves").with(as(facilitator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"label\":\"Now\",\"opensOn\":\"" + LocalDate.now().minusDays(1) + "\",\"closesOn\":\""
						+ LocalDate.now().plusDays(7) + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)));
		return UUID.fromString(w.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

	int submit(UUID wave, CprUser who, String key, String answers) throws Exception {
		return mvc
			.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(who))
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":" + answers + "}"))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	int alertsFor(CprUser who) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM safety_alert WHERE source_type = 'survey-response' AND person_id = ?",
				Integer.class, who.personId().value());
	}

	void awaitDelivered() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%SurveyResponseSubmitted'",
					Integer.class) == 0);
	}

	@Test
	void aCriticalItemInAConfidentialSurveyRaisesExactlyOneAlertForThatPerson() throws Exception {
		UUID wave = openWave("CONFIDENTIAL");
		CprUser critical = person(Role.PARTICIPANT);
		CprUser calm = person(Role.PARTICIPANT);
		assertThat(submit(wave, critical, "k-" + UUID.randomUUID(), PHQ9_ITEM9)).isEqualTo(201);
		assertThat(submit(wave, calm, "k-" + UUID.randomUUID(), PHQ9_CALM)).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(critical) == 1);
		awaitDelivered();
		assertThat(alertsFor(calm)).isZero();
		assertThat(jdbc.queryForObject(
				"SELECT reasons FROM safety_alert WHERE source_type = 'survey-response' AND person_id = ?",
				String.class, critical.personId().value()))
			.contains("SURVEY_CRITICAL_ITEM");
	}

	@Test
	void aRetriedIdentifiedSubmissionStillHasOneAlert() throws Exception {
		UUID wave = openWave("PRIVATE_IDENTIFIED");
		CprUser who = person(Role.PARTICIPANT);
		String key = "k-" + UUID.randomUUID();
		assertThat(submit(wave, who, key, PHQ9_ITEM9)).isEqualTo(201);
		assertThat(submit(wave, who, key, PHQ9_ITEM9)).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(who) == 1);
		awaitDelivered();
		assertThat(alertsFor(who)).isEqualTo(1);
	}

	@Test
	void aCriticalItemInAnAnonymousSurveyRaisesNoAlert() throws Exception {
		UUID wave = openWave("ANONYMOUS");
		awaitDelivered();
		int before = jdbc.queryForObject("SELECT COUNT(*) FROM safety_alert WHERE source_type = 'survey-response'",
				Integer.class);
		assertThat(submit(wave, person(Role.PARTICIPANT), "k-" + UUID.randomUUID(), PHQ9_ITEM9)).isEqualTo(201);
		awaitDelivered();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM safety_alert WHERE source_type = 'survey-response'",
				Integer.class))
			.isEqualTo(before);
	}

}
