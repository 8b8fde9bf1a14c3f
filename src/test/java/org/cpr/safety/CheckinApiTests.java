package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.safety.CheckinFixtures.PASSPHRASE;
import static org.cpr.safety.CheckinFixtures.checkin;
import static org.cpr.safety.CheckinFixtures.handle;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The check-in dialogue over the API belongs to the holder of the handle: the handle and
 * passphrase give a token, the token reads and writes the dialogue. A personal access
 * token of any role (a clinician's included) opens no dialogue, a wrong passphrase or no
 * token gets a 401 problem detail, and a message written here reaches the counselor's
 * thread like one written on the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CheckinApiTests {

	static final String CLINICIAN = "cpr_demo_resilience_clinician_7d0c3f8a5e1b9246";

	@Autowired
	MockMvc mvc;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void theHandleHolderReadsAndWritesTheDialogue() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 2, 0, 2, false, 3)).andExpect(status().isOk());

		MvcResult session = signIn(handle, PASSPHRASE);
		assertThat(session.getResponse().getStatus()).isEqualTo(201);
		String token = json.readTree(session.getResponse().getContentAsString()).path("token").asText();
		assertThat(token).isNotBlank();

		MvcResult dialogue = mvc.perform(get("/api/v1/checkin/dialogue").header("Checkin-Token", token)).andReturn();
		assertThat(dialogue.getResponse().getStatus()).isEqualTo(200);
		JsonNode body = json.readTree(dialogue.getResponse().getContentAsString());
		assertThat(body.path("scores").path("phq9Total").asInt()).isEqualTo(16);
		assertThat(body.has("alertId")).as("the participant is not shown internal ids").isFalse();

		MvcResult written = mvc
			.perform(post("/api/v1/checkin/dialogue/messages").header("Checkin-Token", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Could we talk on Thursday evening?\"}"))
			.andReturn();
		assertThat(written.getResponse().getStatus()).isEqualTo(200);
		assertThat(written.getResponse().getContentAsString()).contains("Could we talk on Thursday evening?");
	}

	@Test
	void nobodyElseGetsIn() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 1, 0, 1, false, 2)).andExpect(status().isOk());
		assertProblem(signIn(handle, "not the passphrase at all"), 401);
		assertProblem(mvc.perform(get("/api/v1/checkin/dialogue")).andReturn(), 401);
		assertProblem(mvc.perform(get("/api/v1/checkin/dialogue").header("Checkin-Token", "forged")).andReturn(), 401);
		assertProblem(
				mvc.perform(get("/api/v1/checkin/dialogue").header("Authorization", "Bearer " + CLINICIAN)).andReturn(),
				401);
		assertProblem(mvc
			.perform(post("/api/v1/checkin/dialogue/messages").header("Authorization", "Bearer " + CLINICIAN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"hello\"}"))
			.andReturn(), 401);
		assertProblem(mvc.perform(post("/api/v1/checkin/sessions").contentType(MediaType.APPLICATION_JSON).content("{"))
			.andReturn(), 400);
	}

	private MvcResult signIn(String handle, String passphrase) throws Exception {
		return mvc
			.perform(post("/api/v1/checkin/sessions").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(java.util.Map.of("handle", handle, "passphrase", passphrase))))
			.andReturn();
	}

	private static void assertProblem(MvcResult result, int status) {
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).contains("problem+json");
	}

}
