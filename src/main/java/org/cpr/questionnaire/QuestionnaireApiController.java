package org.cpr.questionnaire;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cpr.identity.CprUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The questionnaire library over HTTP: list, FHIR export and import, and the stateless
 * {@code $score} operation for previews and integrators (answers are never stored by it).
 */
@RestController
@RequestMapping("/api/v1/questionnaires")
class QuestionnaireApiController {

	static final String QUESTIONNAIRE_EXAMPLE = "{\"resourceType\":\"Questionnaire\",\"url\":\"https://cpr.example.org/fhir/Questionnaire/sleep-check\","
			+ "\"version\":\"1\",\"name\":\"SleepCheck\",\"title\":\"Sleep check\",\"status\":\"active\",\"item\":[{\"linkId\":\"1\","
			+ "\"text\":\"On how many nights this week did you sleep less than six hours?\",\"type\":\"integer\",\"required\":true}]}";

	static final String SCORE_EXAMPLE = "{\"answers\":{\"1\":2,\"2\":1}}";

	static final String SCORE_FHIR_EXAMPLE = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":["
			+ "{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"code\":\"2\"}}]},{\"linkId\":\"2\",\"answer\":[{\"valueCoding\":{\"code\":\"1\"}}]}]}";

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	private final FhirSupport fhir;

	QuestionnaireApiController(QuestionnaireLibrary library, Scoring scoring, FhirSupport fhir) {
		this.library = library;
		this.scoring = scoring;
		this.fhir = fhir;
	}

	@Operation(summary = "List published questionnaires")
	@GetMapping
	List<QuestionnaireVersion> list() {
		return library.published();
	}

	@Operation(summary = "Export a published questionnaire as FHIR R4")
	@GetMapping("/{id}")
	ResponseEntity<String> fhirExport(@PathVariable String id) {
		QuestionnaireVersion version = published(id);
		return ResponseEntity.ok().contentType(FHIR_JSON).body(library.fhirJson(version.id()));
	}

	@Operation(summary = "Import a FHIR R4 Questionnaire")
	@PostMapping(consumes = { "application/fhir+json", MediaType.APPLICATION_JSON_VALUE })
	@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
	ResponseEntity<QuestionnaireVersion> importFhir(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/fhir+json",
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
									name = "FHIR R4 Questionnaire", value = QUESTIONNAIRE_EXAMPLE)),
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
									name = "FHIR R4 Questionnaire",
									value = QUESTIONNAIRE_EXAMPLE)) }) @RequestBody String body,
			@RequestParam(defaultValue = "false") boolean publish, @AuthenticationPrincipal CprUser me) {
		QuestionnaireVersion version = library.importFhir(body, publish, false, me.personId());
		return ResponseEntity.created(URI.create("/api/v1/questionnaires/" + version.definitionId())).body(version);
	}

	@Operation(summary = "Score answers without storing them")
	@PostMapping(value = "/{id}/$score", consumes = { "application/fhir+json", MediaType.APPLICATION_JSON_VALUE })
	ScoreResult score(@PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = {
							@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
									examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
											name = "answers by linkId", value = SCORE_EXAMPLE)),
							@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/fhir+json",
									examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
											name = "FHIR QuestionnaireResponse",
											value = SCORE_FHIR_EXAMPLE)) }) @RequestBody String body) {
		QuestionnaireVersion version = published(id);
		JsonNode json;
		try {
			json = fhir.json().readTree(body);
		}
		catch (com.fasterxml.jackson.core.JacksonException e) {
			throw new IllegalArgumentException("the body is not JSON");
		}
		if (json != null && "QuestionnaireResponse".equals(json.path("resourceType").asText())) {
			return scoring.scoreResponse(version.id(), body);
		}
		if (json == null || !json.has("answers")) {
			throw new InvalidAnswersException(List.of(new org.cpr.questionnaire.ItemError("answers", "answers.missing",
					"Send {\"answers\": {\"<linkId>\": value}} or a FHIR QuestionnaireResponse.")));
		}
		return scoring.score(version.id(), json.get("answers"));
	}

	@ExceptionHandler(InvalidAnswersException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidAnswersException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"Some answers cannot be scored; each error names its item.");
		problem.setTitle("Invalid answers");
		problem.setProperty("errors",
				e.errors()
					.stream()
					.map(err -> Map.of("item", err.item(), "code", err.code(), "message", err.message()))
					.toList());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badDocument(IllegalArgumentException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setTitle("Invalid document");
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private QuestionnaireVersion published(String id) {
		return library.latestPublished(id)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No published questionnaire has this id."));
	}

}
