package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reads the published OpenAPI description as an integrator would and fails for every
 * operation that lacks a summary, its error responses as RFC 9457 problem details, or an
 * example request (a curl sample, and an example for each request body).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentationTests {

	@Autowired
	MockMvc mvc;

	JsonNode docs;

	@BeforeEach
	void read() throws Exception {
		docs = new ObjectMapper()
			.readTree(mvc.perform(get("/api/docs")).andReturn().getResponse().getContentAsString());
	}

	@Test
	void everyOperationHasASummaryProblemResponsesAndAnExampleRequest() {
		List<String> lacking = new ArrayList<>();
		int operations = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
				Map.Entry<String, JsonNode> op = ops.next();
				String name = op.getKey().toUpperCase() + " " + path.getKey();
				JsonNode operation = op.getValue();
				operations++;
				if (operation.path("summary").asText("").isBlank()) {
					lacking.add(name + ": summary");
				}
				if (!hasProblemResponse(operation.path("responses"))) {
					lacking.add(name + ": problem-detail error response");
				}
				if (!operation.path("x-codeSamples").path(0).path("source").asText("").startsWith("curl")) {
					lacking.add(name + ": example request");
				}
				for (Iterator<Map.Entry<String, JsonNode>> media = operation.path("requestBody")
					.path("content")
					.fields(); media.hasNext();) {
					Map.Entry<String, JsonNode> body = media.next();
					if (!body.getValue().has("example") && !body.getValue().has("examples")) {
						lacking.add(name + ": example " + body.getKey() + " body");
					}
				}
			}
		}
		assertThat(operations).as("operations described").isGreaterThan(50);
		assertThat(lacking).as("what operations lack").isEmpty();
	}

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers;

	/**
	 * The check above covers the operations the document lists; this one makes sure the
	 * document lists every API operation the application serves, so a new endpoint cannot
	 * escape it by being left out of the description.
	 */
	@Test
	void everyApiEndpointTheApplicationServesIsDescribed() {
		List<String> missing = new ArrayList<>();
		int endpoints = 0;
		for (var mapping : handlers.getHandlerMethods().keySet()) {
			if (mapping.getPathPatternsCondition() == null) {
				continue;
			}
			for (var pattern : mapping.getPathPatternsCondition().getPatterns()) {
				String path = pattern.getPatternString();
				if (!path.startsWith("/api/v1/")) {
					continue;
				}
				var methods = mapping.getMethodsCondition().getMethods();
				for (var method : methods.isEmpty()
						? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
					endpoints++;
					if (!docs.path("paths").path(path).has(method.name().toLowerCase())) {
						missing.add(method + " " + path);
					}
				}
			}
		}
		assertThat(endpoints).as("API endpoints served").isGreaterThan(50);
		assertThat(missing).as("endpoints the OpenAPI document leaves out").isEmpty();
	}

	@Test
	void errorsAreDescribedAsProblemDetails() {
		JsonNode schema = docs.path("components").path("schemas").path("ProblemDetail").path("properties");
		assertThat(schema.has("title") && schema.has("status") && schema.has("detail")).isTrue();
		JsonNode notFound = docs.path("paths").path("/api/v1/directory/{id}").path("get").path("responses").path("404");
		assertThat(notFound.path("content").has("application/problem+json")).isTrue();
		assertThat(docs.path("paths").path("/api/v1/cqi/items").path("get").path("responses").has("403"))
			.as("role-checked operations document 403")
			.isTrue();
	}

	@Test
	void theNewCapabilitiesAreInTheApi() {
		assertThat(docs.path("paths").has("/api/v1/me/snapshots")).isTrue();
		assertThat(docs.path("paths").has("/api/v1/me/snapshots/fhir")).isTrue();
		assertThat(docs.path("paths").has("/api/v1/cqi/board")).isTrue();
		assertThat(docs.path("paths").has("/api/v1/checkin/dialogue")).isTrue();
	}

	private static boolean hasProblemResponse(JsonNode responses) {
		for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> r = it.next();
			if (r.getKey().startsWith("4") && r.getValue().path("content").has("application/problem+json")) {
				return true;
			}
		}
		return false;
	}

}
