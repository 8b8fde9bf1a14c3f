package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A person's own snapshot history over the API, as JSON and as FHIR
 * QuestionnaireResponses: the token's owner sees their takes, every other role (a
 * facilitator, a program director, a researcher) sees only their own, and no token sees
 * nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SnapshotHistoryApiTests {

	static final String PARTICIPANT = "cpr_demo_participant_4f7d2c9a1b6e8035";

	@Autowired
	MockMvc mvc;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void theOwnerReadsTheirHistoryAndNobodyElseDoes() throws Exception {
		JsonNode me = json.readTree(call("/api/v1/me", PARTICIPANT).getResponse().getContentAsString());
		PersonId person = new PersonId(UUID.fromString(me.path("id").asText()));
		CprUser user = new CprUser(person, "participant", null, "Participant",
				Set.of(new ScopedRole(Role.PARTICIPANT, new org.cpr.shared.OrgUnitId(UUID.randomUUID()))), false, true);
		new SnapshotDriver(mvc, user).takeAll("1", "0", "2");

		MvcResult mine = call("/api/v1/me/snapshots", PARTICIPANT);
		assertThat(mine.getResponse().getStatus()).isEqualTo(200);
		JsonNode history = json.readTree(mine.getResponse().getContentAsString());
		assertThat(history.isArray() && history.size() >= 1).isTrue();
		String takeId = history.get(history.size() - 1).path("id").asText();
		assertThat(history.get(history.size() - 1).path("results").toString()).contains("who-5");

		MvcResult fhir = call("/api/v1/me/snapshots/fhir", PARTICIPANT);
		assertThat(fhir.getResponse().getContentType()).startsWith("application/fhir+json");
		Bundle bundle = FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(Bundle.class, fhir.getResponse().getContentAsString());
		assertThat(bundle.getEntry()).isNotEmpty();
		assertThat(bundle.getEntry().get(0).getResource()).isInstanceOf(QuestionnaireResponse.class);

		for (String other : new String[] { "cpr_demo_facilitator_c81b4e6d0a2f9357",
				"cpr_demo_peer_supporter_5e2a9d7b0f4c8613", "cpr_demo_researcher_0f6b8d2e9a4c7351",
				"cpr_demo_program_director_2b9f6a0d4c8e1735", "cpr_demo_group_leader_9a3e5b7c2d1f4068" }) {
			MvcResult theirs = call("/api/v1/me/snapshots", other);
			assertThat(theirs.getResponse().getStatus()).as(other).isEqualTo(200);
			assertThat(theirs.getResponse().getContentAsString()).as("another role never sees this take")
				.doesNotContain(takeId);
			assertThat(call("/api/v1/me/snapshots/fhir", other).getResponse().getContentAsString())
				.doesNotContain(takeId);
		}
		for (String path : new String[] { "/api/v1/me/snapshots", "/api/v1/me/snapshots/fhir" }) {
			MvcResult anonymous = mvc.perform(get(path)).andReturn();
			assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
			assertThat(anonymous.getResponse().getContentType()).contains("problem+json");
		}
	}

	private MvcResult call(String path, String token) throws Exception {
		return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn();
	}

}
