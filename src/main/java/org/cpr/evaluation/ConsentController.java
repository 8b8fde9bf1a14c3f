package org.cpr.evaluation;

import org.cpr.identity.CprUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own consent to the use of their Snapshot scores in evaluation: asked on the
 * snapshot results page (no answer chosen for them), shown and changeable here at any
 * time.
 */
@Controller
class ConsentController {

	static final String VIEW = "evaluation/consent";

	private final EvaluationConsent consent;

	ConsentController(EvaluationConsent consent) {
		this.consent = consent;
	}

	@GetMapping("/evaluation/consent")
	String page(@AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("decision", consent.current(me.personId()).orElse(null));
		model.addAttribute("version", EvaluationConsent.CURRENT_VERSION);
		return VIEW;
	}

	/**
	 * Records yes or no; {@code back} returns to the snapshot page the question was asked
	 * on.
	 */
	@PostMapping("/evaluation/consent")
	String decide(@RequestParam(required = false) String granted, @RequestParam(required = false) String back,
			@AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!"yes".equals(granted) && !"no".equals(granted)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("choiceError", "evaluation.consent.choose");
			return page(me, model);
		}
		consent.decide(me.personId(), "yes".equals(granted));
		redirect.addFlashAttribute("consentSaved",
				"yes".equals(granted) ? "evaluation.consent.saved.yes" : "evaluation.consent.saved.no");
		return "redirect:" + (safe(back) ? back : "/evaluation/consent");
	}

	/** Only this application's own snapshot and consent pages: never another host. */
	private static boolean safe(String back) {
		return back != null && back.matches("/snapshot(/results/[0-9a-f-]{36})?");
	}

}
