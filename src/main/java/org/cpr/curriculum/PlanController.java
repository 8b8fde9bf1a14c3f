package org.cpr.curriculum;

import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Curriculum plans: per program, trainee type and academic year; topics by level; copy
 * forward to next year.
 */
@Controller
@RequestMapping("/curriculum/plans")
@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR','PROGRAM_DIRECTOR')")
class PlanController {

	static final String LIST_VIEW = "curriculum/plans";
	static final String PLAN_VIEW = "curriculum/plan";

	private final CurriculumPlans plans;

	private final TopicLibrary topics;

	private final IdentityManagement identity;

	PlanController(CurriculumPlans plans, TopicLibrary topics, IdentityManagement identity) {
		this.plans = plans;
		this.topics = topics;
		this.identity = identity;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("plans", plans.all());
		model.addAttribute("programs", identity.orgUnitsOfKind(OrgUnitKind.PROGRAM));
		model.addAttribute("names",
				identity.orgUnits()
					.stream()
					.collect(java.util.stream.Collectors.toMap(OrgUnitSummary::id, OrgUnitSummary::name)));
		return LIST_VIEW;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR')")
	String create(@RequestParam(required = false) String program, @RequestParam(required = false) String traineeType,
			@RequestParam(required = false) Integer year, RedirectAttributes flash) {
		TraineeType type = TopicController.parse(TraineeType.class, traineeType);
		if (program == null || type == null || year == null || year < 2000 || year > 2200) {
			flash.addFlashAttribute("problem", "curriculum.plan.invalid");
			return "redirect:/curriculum/plans";
		}
		try {
			return "redirect:/curriculum/plans/" + plans.create(OrgUnitId.of(program), type, year);
		}
		catch (CurriculumPlans.PlanExists exists) {
			flash.addFlashAttribute("problem", "curriculum.plan.exists");
		}
		catch (IllegalArgumentException notAnId) {
			flash.addFlashAttribute("problem", "curriculum.plan.invalid");
		}
		return "redirect:/curriculum/plans";
	}

	@GetMapping("/{id}")
	String show(@PathVariable String id, Model model) {
		CurriculumPlan plan = load(id);
		model.addAttribute("plan", plan);
		model.addAttribute("program",
				identity.orgUnits()
					.stream()
					.filter(u -> u.id().equals(plan.program()))
					.map(OrgUnitSummary::name)
					.findFirst()
					.orElse(""));
		model.addAttribute("topics", topics.search(null, null, null, false));
		model.addAttribute("titles", topics.byIds(plan.items().stream().map(CurriculumPlan.Item::topic).toList()));
		return PLAN_VIEW;
	}

	@PostMapping("/{id}/items")
	@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR')")
	String add(@PathVariable String id, @RequestParam(required = false) String level,
			@RequestParam(required = false) String topic, RedirectAttributes flash) {
		CurriculumPlan plan = load(id);
		try {
			plans.add(plan.id(), level, new TopicId(UUID.fromString(topic == null ? "" : topic)));
		}
		catch (IllegalArgumentException invalid) {
			flash.addFlashAttribute("problem", "curriculum.plan.itemInvalid");
		}
		return "redirect:/curriculum/plans/" + plan.id();
	}

	@PostMapping("/{id}/copy-forward")
	@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR')")
	String copyForward(@PathVariable String id, RedirectAttributes flash) {
		CurriculumPlan plan = load(id);
		try {
			return "redirect:/curriculum/plans/" + plans.copyForward(plan.id()) + "?copied";
		}
		catch (CurriculumPlans.PlanExists exists) {
			flash.addFlashAttribute("problem", "curriculum.plan.exists");
			return "redirect:/curriculum/plans/" + plan.id();
		}
	}

	private CurriculumPlan load(String id) {
		try {
			return plans.find(UUID.fromString(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException notAnId) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
