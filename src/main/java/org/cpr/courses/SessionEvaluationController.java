package org.cpr.courses;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cpr.identity.CprUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An offering's evaluation: what is sent after each session and as a pre/post measure
 * (coordinators), and the gated results per session and the pre/post change (coordinators
 * and program directors).
 */
@Controller
class SessionEvaluationController {

	static final String VIEW = "courses/evaluation";

	private final SessionEvaluations evaluations;

	private final CourseCatalogue catalogue;

	SessionEvaluationController(SessionEvaluations evaluations, CourseCatalogue catalogue) {
		this.evaluations = evaluations;
		this.catalogue = catalogue;
	}

	@GetMapping("/courses/offerings/{id}/evaluation")
	@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR','PROGRAM_DIRECTOR')")
	String show(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		Offering offering = load(id);
		EvaluationSettings s = evaluations.settings(offering.id());
		model.addAttribute("form", new EvaluationForm(s.questionnaire() == null ? "" : s.questionnaire(), s.anonymous(),
				s.prepostMeasure() == null ? "" : s.prepostMeasure()));
		return page(offering, me, model, Map.of());
	}

	@PostMapping("/courses/offerings/{id}/evaluation")
	@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR')")
	String configure(@PathVariable String id, @RequestParam(required = false) String questionnaire,
			@RequestParam(required = false) String anonymous, @RequestParam(required = false) String prepostMeasure,
			@AuthenticationPrincipal CprUser me, Model model) {
		Offering offering = load(id);
		EvaluationForm form = new EvaluationForm(questionnaire == null ? "" : questionnaire.strip(), anonymous != null,
				prepostMeasure == null ? "" : prepostMeasure.strip());
		model.addAttribute("form", form);
		try {
			evaluations.configure(offering.id(), form.settings(), me.personId());
			return "redirect:/courses/offerings/" + offering.id() + "/evaluation?saved";
		}
		catch (InvalidPlan invalid) {
			Map<String, String> errors = new LinkedHashMap<>();
			invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
			return page(offering, me, model, errors);
		}
	}

	private String page(Offering offering, CprUser me, Model model, Map<String, String> errors) {
		model.addAttribute("offering", offering);
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("questionnaires", evaluations.questionnaires());
		model.addAttribute("canConfigure", CourseViews.coordinator(me));
		model.addAttribute("results", evaluations.results(offering.id(), me));
		model.addAttribute("change", evaluations.change(offering.id(), me).orElse(null));
		model.addAttribute("prepostWaves", evaluations.prePostWaves(offering.id()).orElse(null));
		return VIEW;
	}

	private Offering load(String id) {
		return catalogue.find(CourseViews.offeringId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The settings form as typed (blank = none). */
	record EvaluationForm(String questionnaire, boolean anonymous, String prepostMeasure) {

		EvaluationSettings settings() {
			return new EvaluationSettings(questionnaire.isBlank() ? null : questionnaire, anonymous,
					prepostMeasure.isBlank() ? null : prepostMeasure);
		}
	}

}
