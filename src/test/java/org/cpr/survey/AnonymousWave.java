package org.cpr.survey;

import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A launched anonymous wave (PHQ-2 unless named) open from {@code today} for {@code days}
 * more days, answered over the API.
 */
record AnonymousWave(MockMvc mvc, CprUser facilitator, UUID campaign, UUID wave, LocalDate closesOn) {

	static AnonymousWave open(MockMvc mvc, LocalDate today, int days) throws Exception {
		return open(mvc, today, days, "phq-2");
	}

	static AnonymousWave open(MockMvc mvc, LocalDate today, int days, String questionnaire) throws Exception {
		CprUser facilitator = person(Role.FACILITATOR);
		UUID campaign = create(mvc, facilitator, "/api/v1/surveys/campaigns",
				"{\"title\":\"Linkage\",\"questionnaireId\":\"" + questionnaire + "\",\"privacyMode\":\"ANONYMOUS\"}");
		UUID wave = create(mvc, facilitator, "/api/v1/surveys/campaigns/" + campaign + "/waves",
				"{\"opensOn\":\"" + today + "\",\"closesOn\":\"" + today.plusDays(days) + "\"}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)))
			.andExpect(status().isNoContent());
		return new AnonymousWave(mvc, facilitator, campaign, wave, today.plusDays(days));
	}

	ResultActions answer(CprUser who, String key, String answers) throws Exception {
		return mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(who))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":" + answers + "}"));
	}

	private static UUID create(MockMvc mvc, CprUser who, String path, String json) throws Exception {
		String body = mvc.perform(post(path).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}
}
