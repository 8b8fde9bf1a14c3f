package org.cpr.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.directory.ServiceCategory;
import org.cpr.identity.CprUser;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators and facilitators choose the battery (instruments, order, follow-ups) and
 * edit the next-step rules.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMINISTRATOR','FACILITATOR','SYSTEM_ADMIN')")
class SnapshotAdminController {

	static final String ADMIN_VIEW = "assessment/admin";

	private final SnapshotManagement snapshots;

	private final QuestionnaireLibrary library;

	SnapshotAdminController(SnapshotManagement snapshots, QuestionnaireLibrary library) {
		this.snapshots = snapshots;
		this.library = library;
	}

	@Bean
	static NavigationItem snapshotAdminLink() {
		return new NavigationItem(55, "/snapshot/admin", "snapshot.nav.admin",
				java.util.Set.of(Role.ADMINISTRATOR, Role.FACILITATOR, Role.SYSTEM_ADMIN));
	}

	@GetMapping("/snapshot/admin")
	String admin(Model model) {
		List<SnapshotStep> steps = new ArrayList<>(snapshots.battery());
		while (steps.size() < 8) {
			steps.add(new SnapshotStep(steps.size() + 1, "", null, null, false));
		}
		model.addAttribute("steps", steps);
		model.addAttribute("rules", snapshots.nextStepRules());
		model.addAttribute("instruments", library.published());
		model.addAttribute("categories", ServiceCategory.values());
		model.addAttribute("errors", Map.of());
		return ADMIN_VIEW;
	}

	@PostMapping("/snapshot/admin/battery")
	String saveBattery(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CprUser user,
			Model model, jakarta.servlet.http.HttpServletResponse response) {
		Map<Integer, SnapshotStep> ordered = new java.util.TreeMap<>();
		for (int i = 0; i < 8; i++) {
			String instrument = params.getFirst("instrument_" + i);
			if (instrument == null || instrument.isBlank()) {
				continue;
			}
			String followUp = params.getFirst("followUp_" + i);
			Double min = parse(params.getFirst("followUpMin_" + i));
			Integer order = parse(params.getFirst("order_" + i)) == null ? i + 1
					: parse(params.getFirst("order_" + i)).intValue();
			ordered.put(order * 100 + i,
					new SnapshotStep(order, instrument, followUp == null || followUp.isBlank() ? null : followUp,
							min == null ? 3.0 : min, params.containsKey("optional_" + i)));
		}
		try {
			if (ordered.isEmpty()) {
				throw new IllegalArgumentException("empty");
			}
			snapshots.replaceBattery(List.copyOf(ordered.values()), user.personId());
		}
		catch (IllegalArgumentException invalid) {
			response.setStatus(422);
			admin(model);
			model.addAttribute("batteryError", true);
			return ADMIN_VIEW;
		}
		return "redirect:/snapshot/admin?saved";
	}

	@PostMapping("/snapshot/admin/rules")
	String saveRule(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CprUser user,
			Model model, jakarta.servlet.http.HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		String instrument = params.getFirst("instrumentId");
		String flag = params.getFirst("flag");
		String bands = params.getFirst("bands");
		String fallback = params.getFirst("fallbackText");
		String fallbackEs = params.getFirst("fallbackTextEs");
		ServiceCategory category = null;
		try {
			category = ServiceCategory.valueOf(String.valueOf(params.getFirst("category")));
		}
		catch (IllegalArgumentException e) {
			errors.put("category", "snapshot.admin.error.category");
		}
		boolean hasFlag = flag != null && !flag.isBlank();
		if (!hasFlag && (instrument == null || instrument.isBlank() || bands == null || bands.isBlank())) {
			errors.put("condition", "snapshot.admin.error.condition");
		}
		if (fallback == null || fallback.isBlank() || fallback.length() > 1000) {
			errors.put("fallbackText", "snapshot.admin.error.fallback");
		}
		tooLong(errors, "fallbackTextEs", fallbackEs, 1000);
		// what the rule table can hold (instrument 100, bands 300, flag 40, directory
		// slug 120): a 422 here, not a failed insert
		tooLong(errors, "instrumentId", instrument, 100);
		tooLong(errors, "bands", bands, 300);
		tooLong(errors, "flag", flag, 40);
		tooLong(errors, "directorySlug", params.getFirst("directorySlug"), 120);
		Double position = parse(params.getFirst("position"));
		if (!errors.isEmpty()) {
			response.setStatus(422);
			admin(model);
			model.addAttribute("errors", errors);
			model.addAttribute("ruleForm", params.toSingleValueMap());
			return ADMIN_VIEW;
		}
		String slug = params.getFirst("directorySlug");
		snapshots.saveNextStepRule(new NextStepRule(null, position == null ? 99 : position.intValue(), instrument,
				hasFlag ? java.util.Set.of() : new java.util.LinkedHashSet<>(List.of(bands.split("\\s*,\\s*"))),
				hasFlag ? flag.strip().toUpperCase() : null, category, slug == null ? null : slug.strip().toLowerCase(),
				fallback.strip(), fallbackEs == null || fallbackEs.isBlank() ? null : fallbackEs.strip()),
				user.personId());
		return "redirect:/snapshot/admin?saved";
	}

	@PostMapping("/snapshot/admin/rules/{id}/delete")
	String deleteRule(@PathVariable UUID id, @AuthenticationPrincipal CprUser user) {
		snapshots.deleteNextStepRule(id, user.personId());
		return "redirect:/snapshot/admin?saved";
	}

	private static void tooLong(Map<String, String> errors, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			errors.put(field, "snapshot.admin.error.tooLong");
		}
	}

	private static Double parse(String s) {
		try {
			return s == null || s.isBlank() ? null : Double.valueOf(s);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
