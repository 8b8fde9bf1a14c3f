package org.cpr.groups;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.TraineeType;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator (a program facilitator) builds cohorts, asks the formation helper for
 * groups, sees why each person sits where they do and saves the groups. Administrators
 * and program directors have no access: membership is confidential.
 */
@Controller
@RequestMapping("/groups/cohorts")
@PreAuthorize("hasRole('FACILITATOR')")
class CohortController {

	static final String LIST_VIEW = "groups/cohorts";
	static final String COHORT_VIEW = "groups/cohort";

	record CohortForm(String name, String program, String traineeType, String level) {
		static CohortForm empty() {
			return new CohortForm("", "", "", "");
		}
	}

	private final Cohorts cohorts;

	private final GroupMembership membership;

	private final MessageSource messages;

	CohortController(Cohorts cohorts, GroupMembership membership, MessageSource messages) {
		this.cohorts = cohorts;
		this.membership = membership;
		this.messages = messages;
	}

	@Bean
	static NavigationItem mentoringGroupsLink() {
		return new NavigationItem(44, "/groups/cohorts", "groups.nav.coordinate", Set.of(Role.FACILITATOR));
	}

	@GetMapping
	String list(Model model) {
		return listPage(model, CohortForm.empty(), Map.of());
	}

	@PostMapping
	String create(CohortForm form, @AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		try {
			OrgUnitId program = form.program() == null || form.program().isBlank() ? null
					: new OrgUnitId(GroupViews.id(form.program()));
			TraineeType type = form.traineeType() == null || form.traineeType().isBlank() ? null
					: TraineeType.valueOf(form.traineeType());
			UUID id = cohorts.create(form.name(), program, type, form.level(), me.personId());
			return "redirect:/groups/cohorts/" + id;
		}
		catch (GroupsRefused refused) {
			return listPage(model, form, GroupViews.errors(refused, messages, locale));
		}
		catch (IllegalArgumentException badChoice) {
			return listPage(model, form,
					Map.of("traineeType", messages.getMessage("groups.cohort.type.unknown", null, locale)));
		}
	}

	@GetMapping("/{id}")
	String cohort(@PathVariable String id, Model model) {
		return cohortPage(model, GroupViews.id(id), "", null, "", Map.of());
	}

	@PostMapping("/{id}/proposal")
	String propose(@PathVariable String id, @RequestParam(defaultValue = "") String leaders, Model model,
			Locale locale) {
		UUID cohort = GroupViews.id(id);
		try {
			return cohortPage(model, cohort, leaders, cohorts.preview(cohort, usernames(leaders)), "", Map.of());
		}
		catch (GroupsRefused refused) {
			return cohortPage(model, cohort, leaders, null, "", GroupViews.errors(refused, messages, locale));
		}
	}

	@PostMapping("/{id}/groups")
	String form(@PathVariable String id, @RequestParam(defaultValue = "") String leaders,
			@RequestParam(defaultValue = "") String sizeReason, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale) {
		UUID cohort = GroupViews.id(id);
		try {
			cohorts.form(cohort, usernames(leaders), sizeReason, me.personId());
			return "redirect:/groups/cohorts/" + cohort + "?formed";
		}
		catch (GroupsRefused refused) {
			FormationPreview preview = null;
			try {
				preview = cohorts.preview(cohort, usernames(leaders));
			}
			catch (GroupsRefused alsoRefused) {
				// the leaders themselves are wrong: the error below says so
			}
			return cohortPage(model, cohort, leaders, preview, sizeReason,
					GroupViews.errors(refused, messages, locale));
		}
	}

	static List<String> usernames(String text) {
		return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private String listPage(Model model, CohortForm form, Map<String, String> errors) {
		model.addAttribute("cohorts", cohorts.all());
		model.addAttribute("programs", cohorts.programs());
		model.addAttribute("types", TraineeType.values());
		model.addAttribute("form", form);
		model.addAttribute("fieldErrors", errors);
		return LIST_VIEW;
	}

	private String cohortPage(Model model, UUID id, String leaders, FormationPreview preview, String sizeReason,
			Map<String, String> errors) {
		Cohort cohort = cohorts.find(id).orElseThrow(GroupViews::notFound);
		model.addAttribute("cohort", cohort);
		model.addAttribute("groups", membership.groupsOfCohort(id));
		model.addAttribute("leaders", leaders);
		model.addAttribute("preview", preview);
		model.addAttribute("sizeReason", sizeReason);
		model.addAttribute("minSize", cohorts.minSize());
		model.addAttribute("maxSize", cohorts.maxSize());
		model.addAttribute("fieldErrors", errors);
		return COHORT_VIEW;
	}

}
