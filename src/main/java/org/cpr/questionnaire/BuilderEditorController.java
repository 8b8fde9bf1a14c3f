package org.cpr.questionnaire;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The editor of one version. Every button posts the whole form: the action is applied,
 * the draft checked and, when it is well-formed, stored as FHIR JSON; otherwise the page
 * comes back with field-level errors and everything as typed. A published version is
 * never changed: saving it stores the edit as the next version.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
class BuilderEditorController {

	static final String EDITOR_VIEW = "questionnaire/builder-editor";

	private final QuestionnaireDrafts drafts;

	private final QuestionnaireLibrary library;

	private final FhirSupport fhir;

	BuilderEditorController(QuestionnaireDrafts drafts, QuestionnaireLibrary library, FhirSupport fhir) {
		this.drafts = drafts;
		this.library = library;
		this.fhir = fhir;
	}

	@GetMapping("/questionnaires/builder/versions/{versionId}")
	String edit(@PathVariable UUID versionId, Model model) {
		QuestionnaireVersion version = load(versionId);
		Questionnaire stored = fhir.questionnaire(library.fhirJson(versionId));
		return render(version, DraftMapping.read(stored, fhir.scoring(stored)), Map.of(), stored, model);
	}

	@PostMapping("/questionnaires/builder/versions/{versionId}")
	String save(@PathVariable UUID versionId, @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CprUser me, Model model) {
		QuestionnaireVersion version = load(versionId);
		if (drafts.shipped(version.definitionId())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		Questionnaire stored = fhir.questionnaire(library.fhirJson(versionId));
		ScoringSpec spec = fhir.scoring(stored);
		boolean advanced = DraftMapping.advanced(spec, DraftMapping.read(stored, spec).items());
		DraftForm form = DraftForm.parse(params);
		String action = params.getFirst("action") == null ? "save" : params.getFirst("action");
		int focus = DraftEdits.apply(form, action, params.getFirst("newItemType"));
		Set<String> scoringItems = advanced ? scoringItems(spec) : Set.of();
		Map<String, String> errors = DraftValidator.validate(form, false, scoringItems);
		if (!errors.isEmpty()) {
			return render(version, form, errors, stored, model);
		}
		Questionnaire q = DraftMapping.write(form, stored, version.definitionId(), advanced, fhir.json());
		UUID saved = drafts.save(version, q, me.personId());
		return switch (action) {
			case "publish" -> publish(saved, form, scoringItems, me, model);
			case "preview" -> "redirect:/questionnaires/" + version.definitionId() + "/preview?version=" + saved;
			case "save" -> "redirect:/questionnaires/builder/versions/" + saved + "?saved";
			default -> "redirect:/questionnaires/builder/versions/" + saved + (focus >= 0 ? "#item-" + focus : "");
		};
	}

	@PostMapping("/questionnaires/builder/versions/{versionId}/new-version")
	String newVersion(@PathVariable UUID versionId, @AuthenticationPrincipal CprUser me) {
		QuestionnaireVersion version = load(versionId);
		if (drafts.shipped(version.definitionId())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		return "redirect:/questionnaires/builder/versions/" + drafts.editable(version, me.personId());
	}

	private String publish(UUID saved, DraftForm form, Set<String> scoringItems, CprUser me, Model model) {
		Map<String, String> errors = DraftValidator.validate(form, true, scoringItems);
		if (!errors.isEmpty()) {
			QuestionnaireVersion version = load(saved);
			return render(version, form, errors, fhir.questionnaire(library.fhirJson(saved)), model);
		}
		drafts.publish(saved, me.personId());
		return "redirect:/questionnaires/builder/versions/" + saved + "?published";
	}

	private String render(QuestionnaireVersion version, DraftForm form, Map<String, String> errors,
			Questionnaire stored, Model model) {
		ScoringSpec spec = fhir.scoring(stored);
		boolean shipped = drafts.shipped(version.definitionId());
		model.addAttribute("version", version);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("shipped", shipped);
		model.addAttribute("readOnly", (version.published() && errors.isEmpty()) || shipped);
		model.addAttribute("advancedScoring", DraftMapping.advanced(spec, DraftMapping.read(stored, spec).items()));
		model.addAttribute("types", DraftForm.TYPES);
		model.addAttribute("operators", ConditionAnswers.OPERATORS);
		return EDITOR_VIEW;
	}

	private static Set<String> scoringItems(ScoringSpec spec) {
		Set<String> items = new HashSet<>(spec.items());
		spec.subscales().values().forEach(s -> items.addAll(s.items()));
		if (spec.gate() != null) {
			items.add(spec.gate());
		}
		return items;
	}

	private QuestionnaireVersion load(UUID versionId) {
		return library.version(versionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
