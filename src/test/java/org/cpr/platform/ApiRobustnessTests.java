package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * T12 in small: every operation of the published OpenAPI description, called with hostile
 * path values, parameters and bodies, by several roles. Nothing may answer with a 5xx,
 * and every error is a problem detail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiRobustnessTests {

	static final List<String> TOKENS = List.of("cpr_demo_participant_4f7d2c9a1b6e8035",
			"cpr_demo_facilitator_c81b4e6d0a2f9357", "cpr_demo_system_admin_8a1d4f6c2e9b0573",
			"cpr_demo_privacy_officer_3c9e1a7f5b0d2864");
	static final List<String> PATH_VALUES = List.of("x", "00000000-0000-0000-0000-000000000000", "phq-9",
			"%2e%2e%2fetc", "9999999999999999999999", "' OR 1=1 --");
	static final List<String> BODIES = List.of("", "{", "[]", "null", "{\"answers\":{\"1\":\"3\"}}",
			"{\"resourceType\":\"Patient\"}", "{\"answers\":{\"1\":1e309}}", "\"" + "x".repeat(100_000) + "\"");

	@Autowired
	MockMvc mvc;

	@Test
	void noOperationAnswersWithAServerErrorWhateverItIsSent() throws Exception {
		String docs = mvc.perform(request(HttpMethod.GET, "/api/docs")).andReturn().getResponse().getContentAsString();
		JsonNode paths = new ObjectMapper().readTree(docs).path("paths");
		assertThat(paths.size()).as("the API is described").isGreaterThan(5);
		List<String> failures = new ArrayList<>();
		int calls = 0;
		for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> path = it.next();
			for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
				HttpMethod method = HttpMethod.valueOf(methods.next().toUpperCase());
				for (String value : PATH_VALUES) {
					String uri = path.getKey().replaceAll("\\{[^}]+}", value.replace("%", "%25"));
					for (String token : TOKENS) {
						for (String body : method == HttpMethod.GET ? List.of("") : BODIES) {
							MvcResult result = mvc
								.perform(request(method, uri).header("Authorization", "Bearer " + token)
									.param("q", "'\"<script>")
									.param("category", "NOPE")
									.param("publish", "maybe")
									.contentType(MediaType.APPLICATION_JSON)
									.content(body))
								.andReturn();
							calls++;
							int status = result.getResponse().getStatus();
							String type = result.getResponse().getContentType();
							if (status >= 500 || (status >= 400 && (type == null || !type.contains("problem+json")))) {
								failures.add(method + " " + uri + " → " + status + " " + type);
							}
						}
					}
				}
			}
		}
		assertThat(calls).isGreaterThan(100);
		assertThat(failures).as("operations that failed badly").isEmpty();
	}

}
