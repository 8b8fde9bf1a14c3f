package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A facilitator cannot create a campaign on nothing: unknown questionnaires, bad
 * thresholds, unknown people and units.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignInputValidationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	final CprUser facilitator = person(Role.FACILITATOR);

	MockHttpServletResponse api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return mvc.perform(request.with(as(facilitator)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andReturn()
			.getResponse();
	}

	MockHttpServletResponse create(String fields) throws Exception {
		return api(post("/api/v1/surveys/campaigns"),
				"{\"title\":\"Pulse\",\"privacyMode\":\"ANONYMOUS\"," + fields + "}");
	}

	UUID campaign() throws Exception {
		String body = create("\"questionnaireId\":\"phq-2\"").getContentAsString();
		return UUID.fromString(body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

	int campaigns() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM survey_campaign", Integer.class);
	}

	@Test
	void unknownQuestionnairesAndVersionsAreRefused() throws Exception {
		int before = campaigns();
		for (String q : new String[] { "\"questionnaireId\":\"no-such-instrument\"",
				"\"questionnaireId\":\"phq-2\",\"questionnaireVersion\":\"99\"",
				"\"questionnaireId\":\"phq-2\",\"questionnaireVersion\":\"x\"" }) {
			MockHttpServletResponse r = create(q);
			assertThat(r.getStatus()).as(q).isEqualTo(422);
			assertThat(r.getContentType()).contains("problem+json");
			assertThat(r.getContentAsString()).contains("published questionnaire");
		}
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void thresholdsBelowTheMinimumOrNegativeAreRefusedNotRaised() throws Exception {
		int before = campaigns();
		assertThat(create("\"questionnaireId\":\"phq-2\",\"minRespondents\":-3").getStatus()).isEqualTo(422);
		assertThat(create("\"questionnaireId\":\"phq-2\",\"minRespondents\":2").getStatus()).isEqualTo(422);
		assertThat(create("\"questionnaireId\":\"phq-2\",\"minComments\":-1").getContentAsString())
			.contains("minimum number of comments");
		assertThat(campaigns()).isEqualTo(before);
		UUID draft = campaign();
		assertThat(api(put("/api/v1/surveys/campaigns/" + draft + "/privacy"),
				"{\"privacyMode\":\"CONFIDENTIAL\",\"minRespondents\":-5}")
			.getStatus()).isEqualTo(422);
		assertThat(
				jdbc.queryForObject("SELECT min_respondents FROM survey_campaign WHERE id = ?", Integer.class, draft))
			.isEqualTo(5);
	}

	@Test
	void audiencesOfUnknownUnitsAreRefused() throws Exception {
		MockHttpServletResponse r = create(
				"\"questionnaireId\":\"phq-2\",\"audience\":{\"orgUnits\":[\"" + UUID.randomUUID() + "\"]}");
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(r.getContentAsString()).contains("org units does not exist");
	}

	@Test
	void aRosterTakesOnlyPeopleAndUnitsThatExist() throws Exception {
		UUID campaign = campaign();
		MockHttpServletResponse unknown = api(post("/api/v1/surveys/campaigns/" + campaign + "/roster"),
				"{\"personId\":\"" + UUID.randomUUID() + "\"}");
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat(unknown.getContentAsString()).contains("no active person");
		UUID resident = jdbc.queryForObject("SELECT id FROM person WHERE username = 'resident'", UUID.class);
		assertThat(api(post("/api/v1/surveys/campaigns/" + campaign + "/roster"),
				"{\"personId\":\"" + resident + "\",\"orgUnitId\":\"" + UUID.randomUUID() + "\"}")
			.getStatus()).isEqualTo(422);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_roster WHERE campaign_id = ?", Integer.class,
				campaign))
			.isZero();
		assertThat(api(post("/api/v1/surveys/campaigns/" + campaign + "/roster"), "{\"personId\":\"" + resident + "\"}")
			.getStatus()).isEqualTo(204);
		assertThat(api(post("/api/v1/surveys/campaigns/" + UUID.randomUUID() + "/roster"),
				"{\"personId\":\"" + resident + "\"}")
			.getStatus()).as("unknown campaign").isEqualTo(404);
	}

	@Test
	void theCampaignPageNamesAnUnknownUnitAtItsField() throws Exception {
		MockHttpServletResponse r = mvc
			.perform(post("/surveys/campaigns").with(as(facilitator))
				.with(csrf())
				.param("title", "Pulse")
				.param("questionnaire", "phq-2:1")
				.param("privacyMode", "ANONYMOUS")
				.param("minRespondents", "5")
				.param("minComments", "10")
				.param("units", UUID.randomUUID().toString())
				.param("schedule", "ONE_OFF")
				.param("opensOn", LocalDate.now().toString())
				.param("windowDays", "14"))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(r.getContentAsString()).contains("One of the chosen org units does not exist.")
			.contains("value=\"Pulse\"");
	}

}
