package org.cpr.assessment;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.cpr.identity.CprUser;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.InvalidAnswersException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Taking the snapshot: one instrument per page, progress shown, "back" keeps answers
 * (server-side draft), a follow-up page appears only after a positive screener, and the
 * last page submits idempotently (I-28).
 */
@Controller
class SnapshotController {

	static final String STEP_VIEW = "assessment/step";
	static final String PROBLEM_VIEW = "assessment/problem";

	private final SnapshotManagement snapshots;

	SnapshotController(SnapshotManagement snapshots) {
		this.snapshots = snapshots;
	}

	@GetMapping("/snapshot/take")
	String start() {
		return "redirect:/snapshot/take/1";
	}

	@GetMapping("/snapshot/take/{n}")
	String step(@PathVariable int n, @AuthenticationPrincipal CprUser user, Model model) {
		SnapshotDraft draft = snapshots.currentDraft(user.personId());
		List<PlannedStep> plan = snapshots.plan(draft.answers(), draft.skipped());
		if (n < 1 || n > plan.size()) {
			return "redirect:/snapshot/take/1";
		}
		Map<String, String> current = new LinkedHashMap<>();
		draft.of(plan.get(n - 1).instrumentId()).forEach((k, v) -> current.put(k, StepForm.display(v)));
		return render(model, n, plan, draft.key(), draft.answers(), draft.skipped(), current, Map.of());
	}

	@PostMapping("/snapshot/take/{n}")
	String answer(@PathVariable int n, @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CprUser user, Model model, HttpServletResponse response) {
		String instrumentId = params.getFirst("instrument");
		if (instrumentId == null || !snapshots.instrumentExists(instrumentId)) {
			return "redirect:/snapshot/take/1";
		}
		StepForm form = StepForm.read(params, instrumentId, snapshots.read(instrumentId, params));
		List<PlannedStep> plan = snapshots.plan(form.answers(), form.skipped());
		if (n < 1 || n > plan.size() || !plan.get(n - 1).instrumentId().equals(instrumentId)) {
			return "redirect:/snapshot/take/1";
		}
		var skipped = new LinkedHashSet<>(form.skipped());
		var answers = new LinkedHashMap<>(form.answers());
		switch (form.action()) {
			case "back" -> {
				snapshots.saveDraft(user.personId(), answers, skipped);
				return "redirect:/snapshot/take/" + Math.max(1, n - 1);
			}
			case "skip" -> {
				if (!plan.get(n - 1).optional()) {
					return "redirect:/snapshot/take/" + n;
				}
				answers.remove(instrumentId);
				skipped.add(instrumentId);
			}
			default -> {
				try {
					snapshots.score(instrumentId, answers.get(instrumentId));
				}
				catch (InvalidAnswersException invalid) {
					response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
					return render(model, n, plan, form.key(), answers, skipped, form.current(), invalid.byItem());
				}
			}
		}
		plan = snapshots.plan(answers, skipped);
		if (n < plan.size()) {
			snapshots.saveDraft(user.personId(), answers, skipped);
			return "redirect:/snapshot/take/" + (n + 1);
		}
		return finish(user, form.key(), answers, skipped, plan, model, response);
	}

	private String finish(CprUser user, String key, Map<String, Map<String, Object>> answers, Set<String> skipped,
			List<PlannedStep> plan, Model model, HttpServletResponse response) {
		try {
			SubmissionOutcome outcome = snapshots.submit(user.personId(), key, answers, skipped);
			return "redirect:/snapshot/results/" + outcome.submissionId();
		}
		catch (KeyReused reused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", "snapshot.problem.keyReused");
			return PROBLEM_VIEW;
		}
		catch (BadKey bad) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "snapshot.problem.badKey");
			return PROBLEM_VIEW;
		}
		catch (IncompleteSnapshot incomplete) {
			snapshots.saveDraft(user.personId(), answers, skipped);
			int index = 1;
			for (int i = 0; i < plan.size(); i++) {
				if (plan.get(i).instrumentId().equals(incomplete.instrumentId())) {
					index = i + 1;
				}
			}
			return "redirect:/snapshot/take/" + index;
		}
	}

	private String render(Model model, int n, List<PlannedStep> plan, String key,
			Map<String, Map<String, Object>> answers, Set<String> skipped, Map<String, String> current,
			Map<String, String> errors) {
		PlannedStep step = plan.get(n - 1);
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		FormView form = snapshots.form(step.instrumentId(), locale);
		model.addAttribute("form", form);
		model.addAttribute("englishOnly", form.untranslatedFor(locale));
		model.addAttribute("step", step);
		model.addAttribute("n", n);
		model.addAttribute("total", plan.size());
		model.addAttribute("last", n == plan.size());
		model.addAttribute("key", key);
		model.addAttribute("hidden", StepForm.hidden(answers, step.instrumentId()));
		model.addAttribute("skipped", skipped);
		model.addAttribute("answers", current);
		model.addAttribute("errors", errors);
		model.addAttribute("followUpOfTitle",
				step.followUpOf() == null ? null : snapshots.instrumentTitle(step.followUpOf()));
		return STEP_VIEW;
	}

}
