package org.cpr.assessment;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.identity.CprUser;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.Scoring;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's own snapshot history over the API, as JSON or as a FHIR R4 Bundle of
 * QuestionnaireResponses: the same data, owner and audit record as the history page's
 * export. Nobody reads another person's history here.
 */
@RestController
@RequestMapping("/api/v1/me/snapshots")
@Tag(name = "Resilience Snapshot", description = "The signed-in person's own snapshot history")
class SnapshotHistoryApiController {

	private final SnapshotManagement snapshots;

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	private final AuditPort audit;

	private final java.time.Clock clock;

	SnapshotHistoryApiController(SnapshotManagement snapshots, QuestionnaireLibrary library, Scoring scoring,
			AuditPort audit, java.time.Clock clock) {
		this.snapshots = snapshots;
		this.library = library;
		this.scoring = scoring;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "My snapshot history",
			description = "Every snapshot the token's owner submitted, oldest first, with each instrument's score, "
					+ "band, flags and answers.")
	List<SubmittedSnapshot> history(@AuthenticationPrincipal CprUser me) {
		List<SubmittedSnapshot> all = snapshots.history(me.personId());
		exported(me, "json", all.size());
		return all;
	}

	@GetMapping(value = "/fhir", produces = "application/fhir+json")
	@Operation(summary = "My snapshot history as FHIR",
			description = "The same history as a FHIR R4 Bundle (type collection) of QuestionnaireResponse "
					+ "resources, each pointing at its canonical Questionnaire version.")
	ResponseEntity<String> fhir(@AuthenticationPrincipal CprUser me) {
		List<SubmittedSnapshot> all = snapshots.history(me.personId());
		Map<UUID, Integer> versions = new HashMap<>();
		all.forEach(s -> s.results()
			.forEach(r -> versions.computeIfAbsent(r.versionId(),
					v -> library.version(v).map(q -> q.number()).orElse(1))));
		exported(me, "fhir", all.size());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/fhir+json"))
			.body(FhirExport.bundle(all, versions, Date.from(clock.instant()), scoring));
	}

	private void exported(CprUser me, String format, int count) {
		audit.record(AuditEntry.selfService(me.personId(), "SNAPSHOT_HISTORY_EXPORTED", "assessment_submission", null)
			.detail("api " + format + " count=" + count));
	}

}
