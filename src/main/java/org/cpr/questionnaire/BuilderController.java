package org.cpr.questionnaire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The facilitator's questionnaire builder: every definition with its draft and published
 * versions, a new questionnaire, FHIR JSON import (upload or paste) and export of any
 * version.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
class BuilderController {

	static final String LIST_VIEW = "questionnaire/builder-list";
	static final String IMPORT_VIEW = "questionnaire/builder-import";
	static final int MAX_IMPORT = 1024 * 1024;

	private final QuestionnaireDrafts drafts;

	private final QuestionnaireLibrary library;

	private final FhirSupport fhir;

	BuilderController(QuestionnaireDrafts drafts, QuestionnaireLibrary library, FhirSupport fhir) {
		this.drafts = drafts;
		this.library = library;
		this.fhir = fhir;
	}

	@GetMapping("/questionnaires/builder")
	String list(@RequestParam(defaultValue = "all") String scope, @AuthenticationPrincipal CprUser me, Model model) {
		return list(scope, me, "", "", Map.of(), model);
	}

	@PostMapping("/questionnaires/builder")
	String create(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String title,
			@AuthenticationPrincipal CprUser me, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		String slug = id.strip();
		if (!slug.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			errors.put("new-id", "builder.error.id");
		}
		else if (drafts.exists(slug)) {
			errors.put("new-id", "builder.error.idTaken");
		}
		if (title.isBlank()) {
			errors.put("new-title", "builder.error.required");
		}
		else if (title.strip().length() > 200) {
			errors.put("new-title", "builder.error.tooLong");
		}
		if (errors.isEmpty() && !drafts.create(slug, title.strip(), me.personId())) {
			errors.put("new-id", "builder.error.idTaken");
		}
		if (!errors.isEmpty()) {
			return list("all", me, id, title, errors, model);
		}
		return "redirect:/questionnaires/builder/versions/" + library.versions(slug).get(0).id();
	}

	@GetMapping("/questionnaires/builder/import")
	String importPage(Model model) {
		model.addAttribute("json", "");
		return IMPORT_VIEW;
	}

	@PostMapping("/questionnaires/builder/import")
	String importFhir(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String json,
			@AuthenticationPrincipal CprUser me, Model model) throws IOException {
		String body = json;
		if (file != null && !file.isEmpty()) {
			body = file.getSize() > MAX_IMPORT ? null : new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		model.addAttribute("json", file != null && !file.isEmpty() ? "" : json);
		String problem = body == null || body.length() > MAX_IMPORT ? "builder.import.tooBig"
				: body.isBlank() ? "builder.import.empty" : precheck(body);
		if (problem != null) {
			model.addAttribute("importError", problem);
			return IMPORT_VIEW;
		}
		try {
			QuestionnaireVersion version = drafts.importDraft(body, me.personId());
			return "redirect:/questionnaires/builder/versions/" + version.id() + "?imported";
		}
		catch (IllegalArgumentException rejected) {
			model.addAttribute("importError", "builder.import.rejected");
			model.addAttribute("importDetail", rejected.getMessage());
			return IMPORT_VIEW;
		}
	}

	@GetMapping("/questionnaires/builder/versions/{versionId}/fhir.json")
	ResponseEntity<String> export(@PathVariable UUID versionId) {
		QuestionnaireVersion version = library.version(versionId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String filename = version.definitionId() + "-v" + version.number() + ".json";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/fhir+json"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(library.fhirJson(versionId));
	}

	/**
	 * The reasons the library would refuse the document, as message keys the page can
	 * explain.
	 */
	private String precheck(String body) {
		Questionnaire q;
		try {
			q = fhir.questionnaire(body);
		}
		catch (IllegalArgumentException e) {
			return "builder.import.notFhir";
		}
		String id = q.hasIdElement() && q.getIdElement().hasIdPart() ? q.getIdElement().getIdPart() : q.getName();
		if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			return "builder.import.badId";
		}
		if (drafts.shipped(id)) {
			return "builder.import.shipped";
		}
		return q.getTitle() == null || q.getTitle().isBlank() ? "builder.import.noTitle" : null;
	}

	private String list(String scope, CprUser me, String id, String title, Map<String, String> errors, Model model) {
		boolean mine = "mine".equals(scope);
		model.addAttribute("definitions", drafts.definitions(mine ? me.personId() : null));
		model.addAttribute("mine", mine);
		model.addAttribute("newId", id);
		model.addAttribute("newTitle", title);
		model.addAttribute("errors", errors);
		return LIST_VIEW;
	}

}
