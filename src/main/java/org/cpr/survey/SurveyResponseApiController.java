package org.cpr.survey;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for participants: submissions (JSON or FHIR), drafts and their own answer. */
@RestController
@RequestMapping("/api/v1/surveys")
class SurveyResponseApiController extends SurveyApiErrors {

	static final String RESPONSE_FHIR_EXAMPLE = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":["
			+ "{\"linkId\":\"q1\",\"answer\":[{\"valueInteger\":4}]},{\"linkId\":\"q2\",\"answer\":[{\"valueString\":\"More protected time for sleep after nights.\"}]}]}";

	static final String FHIR_JSON = "application/fhir+json";

	record SubmissionRequest(Map<String, Object> answers, Map<String, String> context) {
	}

	private final SurveyResponses responses;

	SurveyResponseApiController(SurveyResponses responses, MessageSource messages) {
		super(messages);
		this.responses = responses;
	}

	@Operation(summary = "Submit my answers to a wave")
	@PostMapping("/waves/{waveId}/responses")
	ResponseEntity<Map<String, Object>> submit(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody SubmissionRequest r) {
		if (key == null || key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("Idempotency-Key header is required");
		}
		Map<String, String> ctx = r.context() == null ? Map.of() : r.context();
		SubmissionReceipt out = responses.submit(waveId, user.personId(), key, r.answers(),
				new SubmissionContext(ctx.get("hospital"), ctx.get("rotation"), ctx.get("pgyLevel")));
		return ResponseEntity.status(out.replay() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(Map.of("receipt", out.receipt(), "replay", out.replay()));
	}

	/**
	 * The same submission as a FHIR R4 QuestionnaireResponse
	 * ({@code Content-Type: application/fhir+json}); the grouping context, which a
	 * QuestionnaireResponse does not carry, may come as query parameters.
	 */
	@Operation(summary = "Submit my answers to a wave")
	@PostMapping(path = "/waves/{waveId}/responses", consumes = FHIR_JSON)
	ResponseEntity<Map<String, Object>> submitQuestionnaireResponse(@AuthenticationPrincipal CprUser user,
			@PathVariable UUID waveId, @RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam(required = false) String hospital, @RequestParam(required = false) String rotation,
			@RequestParam(required = false) String pgyLevel,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = { @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/fhir+json",
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
									name = "FHIR R4 QuestionnaireResponse",
									value = RESPONSE_FHIR_EXAMPLE)) }) @RequestBody String questionnaireResponse) {
		if (key == null || key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("Idempotency-Key header is required");
		}
		SubmissionReceipt out = responses.submitQuestionnaireResponse(waveId, user.personId(), key,
				questionnaireResponse, new SubmissionContext(hospital, rotation, pgyLevel));
		return ResponseEntity.status(out.replay() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(Map.of("receipt", out.receipt(), "replay", out.replay()));
	}

	/**
	 * The caller's own answer to an identified wave as a FHIR R4 QuestionnaireResponse.
	 * Anonymous answers are linked to no one and cannot be given back (409).
	 */
	@Operation(summary = "Read my own answers to an identified wave as FHIR")
	@GetMapping("/waves/{waveId}/responses/mine")
	ResponseEntity<String> mine(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(FHIR_JSON))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("survey-answers-" + waveId + ".fhir.json")
						.build()
						.toString())
			.body(responses.myAnswers(waveId, user.personId()));
	}

	@Operation(summary = "Save my draft answers")
	@PutMapping("/waves/{waveId}/draft")
	ResponseEntity<Void> saveDraft(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId,
			@RequestBody SubmissionRequest r) {
		responses.saveDraft(waveId, user.personId(), r.answers() == null ? Map.of() : r.answers());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Read my draft answers")
	@GetMapping(path = "/waves/{waveId}/draft", produces = "application/json")
	ResponseEntity<String> loadDraft(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
		return responses.draft(waveId, user.personId())
			.map(a -> ResponseEntity.ok("{\"answers\":" + a + "}"))
			.orElseThrow(() -> new SurveyConflictException(404, "survey.draft.none"));
	}

}
