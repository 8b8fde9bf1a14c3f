package org.cpr.questionnaire;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The library for facilitators: every published questionnaire, and a phone-width preview
 * that answers as a respondent would — critical answers show the crisis panel at once,
 * and "check" scores on the server without storing anything.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN','ADMINISTRATOR')")
class QuestionnairePagesController {

	static final String LIST_VIEW = "questionnaire/list";
	static final String PREVIEW_VIEW = "questionnaire/preview";

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	QuestionnairePagesController(QuestionnaireLibrary library, Scoring scoring) {
		this.library = library;
		this.scoring = scoring;
	}

	@Bean
	static NavigationItem questionnairesLink() {
		return new NavigationItem(50, "/questionnaires", "questionnaire.nav",
				Set.of(Role.FACILITATOR, Role.SYSTEM_ADMIN));
	}

	@GetMapping("/questionnaires")
	String list(Model model) {
		model.addAttribute("questionnaires", library.published());
		return LIST_VIEW;
	}

	@GetMapping("/questionnaires/{id}/preview")
	String preview(@PathVariable String id, @RequestParam(required = false) UUID version, Model model) {
		model.addAttribute("form", scoring.form(version(id, version).id()));
		model.addAttribute("version", version);
		model.addAttribute("answers", Map.of());
		model.addAttribute("errors", Map.of());
		return PREVIEW_VIEW;
	}

	@PostMapping("/questionnaires/{id}/preview")
	String check(@PathVariable String id, @RequestParam(name = "version", required = false) UUID versionId,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		QuestionnaireVersion version = version(id, versionId);
		model.addAttribute("version", versionId);
		PostedAnswers posted = scoring.read(version.id(), params, "a_");
		model.addAttribute("form", scoring.form(version.id()));
		model.addAttribute("answers", posted.entered());
		try {
			model.addAttribute("result", scoring.score(version.id(), posted.answers()));
			model.addAttribute("errors", Map.of());
		}
		catch (InvalidAnswersException invalid) {
			model.addAttribute("errors", invalid.byItem());
		}
		return PREVIEW_VIEW;
	}

	/**
	 * The newest published version, or the asked-for version (a draft in the builder) of
	 * this definition.
	 */
	private QuestionnaireVersion version(String id, UUID versionId) {
		if (versionId != null) {
			return library.version(versionId)
				.filter(v -> v.definitionId().equals(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return library.latestPublished(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
