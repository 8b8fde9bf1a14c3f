package org.cpr.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * docs/instruments/IMPORTING.md, run: import, version, publish, score, export and
 * re-import.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LicensedInstrumentImportTests {

	static final String FACILITATOR = "Bearer cpr_demo_facilitator_c81b4e6d0a2f9357";
	static final String PARTICIPANT = "Bearer cpr_demo_participant_4f7d2c9a1b6e8035";
	static final MediaType FHIR = MediaType.parseMediaType("application/fhir+json");

	@Autowired
	MockMvc mvc;

	@Autowired
	QuestionnaireLibrary library;

	@Test
	void anInstitutionImportsItsOwnInstrumentWithScoringRulesAsData() throws Exception {
		String fhir = new ClassPathResource("fixtures/cpr-workload-check.json")
			.getContentAsString(StandardCharsets.UTF_8);
		mvc.perform(post("/api/v1/questionnaires").header("Authorization", PARTICIPANT).contentType(FHIR).content(fhir))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/questionnaires").header("Authorization", FACILITATOR).contentType(FHIR).content(fhir))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(1))
			.andExpect(jsonPath("$.published").value(false));
		mvc.perform(post("/api/v1/questionnaires/cpr-workload-check/$score").header("Authorization", PARTICIPANT)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":3,\"2\":3,\"3\":3,\"4\":3}}")).andExpect(status().isNotFound());

		mvc.perform(post("/api/v1/questionnaires").param("publish", "true")
			.header("Authorization", FACILITATOR)
			.contentType(FHIR)
			.content(fhir))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(2))
			.andExpect(jsonPath("$.published").value(true));
		mvc.perform(post("/api/v1/questionnaires/cpr-workload-check/$score").header("Authorization", PARTICIPANT)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":3,\"2\":3,\"3\":3,\"4\":0}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(12.0))
			.andExpect(jsonPath("$.band").value("overwhelming"))
			.andExpect(jsonPath("$.flags").value(hasItem("POSITIVE")));
	}

	@Test
	void exportAndReimportScoreTheSameAndPublishedVersionsNeverChange() throws Exception {
		String exported = mvc.perform(get("/api/v1/questionnaires/who-5").header("Authorization", PARTICIPANT))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(FHIR))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var before = library.latestPublished("who-5").orElseThrow();
		String original = library.fhirJson(before.id());
		mvc.perform(post("/api/v1/questionnaires").param("publish", "true")
			.header("Authorization", FACILITATOR)
			.contentType(FHIR)
			.content(exported))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(before.number() + 1));
		assertThat(library.fhirJson(before.id())).as("the published version is untouched").isEqualTo(original);
		mvc.perform(post("/api/v1/questionnaires/who-5/$score").header("Authorization", PARTICIPANT)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":3,\"2\":3,\"3\":2,\"4\":2,\"5\":2}}"))
			.andExpect(jsonPath("$.score").value(48.0));
	}

	@Test
	void scoringRulesNamingMissingItemsOrBrokenDocumentsAreRefused() throws Exception {
		String broken = new ClassPathResource("fixtures/cpr-workload-check.json")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace("\\\"4\\\"]", "\\\"4\\\",\\\"7\\\"]");
		mvc.perform(
				post("/api/v1/questionnaires").header("Authorization", FACILITATOR).contentType(FHIR).content(broken))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("item 7")));
		mvc.perform(post("/api/v1/questionnaires").header("Authorization", FACILITATOR)
			.contentType(FHIR)
			.content("{\"resourceType\":\"Patient\"}")).andExpect(status().isUnprocessableContent());
	}

}
