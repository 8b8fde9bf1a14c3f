package org.cpr.groups;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator adds people to a cohort after it was created (and, once formed, to a
 * group outside their supervisory line) or takes them out; every change is audited about
 * the person. A refusal shows the cohort page with the field's message and what was
 * typed.
 */
@Controller
@RequestMapping("/groups/cohorts/{id}/people")
@PreAuthorize("hasRole('FACILITATOR')")
class CohortPeopleController {

	static final String VIEW = "groups/cohort-people";

	private final Cohorts cohorts;

	private final GroupMembership membership;

	private final MessageSource messages;

	CohortPeopleController(Cohorts cohorts, GroupMembership membership, MessageSource messages) {
		this.cohorts = cohorts;
		this.membership = membership;
		this.messages = messages;
	}

	@org.springframework.web.bind.annotation.GetMapping
	String page(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		return page(model, me, GroupViews.id(id), "", "", "", null, Map.of());
	}

	@PostMapping
	String add(@PathVariable String id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String sizeReason,
			@AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		UUID cohort = GroupViews.id(id);
		try {
			cohorts.find(cohort).orElseThrow(UnknownGroupRecord::new);
			cohorts.addPerson(cohort, person, target.isBlank() ? null : GroupViews.id(target), sizeReason,
					me.personId());
			return "redirect:/groups/cohorts/" + cohort + "/people?added";
		}
		catch (GroupsRefused refused) {
			return page(model, me, cohort, person, target, sizeReason, null,
					GroupViews.errors(refused, messages, locale));
		}
		catch (UnknownGroupRecord unknown) {
			throw GroupViews.notFound();
		}
	}

	@PostMapping("/{person}/remove")
	String remove(@PathVariable String id, @PathVariable String person,
			@RequestParam(defaultValue = "") String sizeReason, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale) {
		UUID cohort = GroupViews.id(id);
		PersonId who = new PersonId(GroupViews.id(person));
		try {
			cohorts.removePerson(cohort, who, sizeReason, me.personId());
			return "redirect:/groups/cohorts/" + cohort + "/people?removed";
		}
		catch (GroupsRefused refused) {
			return page(model, me, cohort, "", "", sizeReason, who, GroupViews.errors(refused, messages, locale));
		}
		catch (UnknownGroupRecord unknown) {
			throw GroupViews.notFound();
		}
	}

	private String page(Model model, CprUser me, UUID id, String person, String target, String sizeReason,
			PersonId removing, Map<String, String> errors) {
		Cohort cohort = cohorts.find(id).orElseThrow(GroupViews::notFound);
		model.addAttribute("cohort", cohort);
		model.addAttribute("groups", membership.groupsOfCohort(id));
		model.addAttribute("people", cohorts.people(id, me.personId()));
		model.addAttribute("conflicts", cohorts.conflictsNow(id));
		model.addAttribute("person", person);
		model.addAttribute("target", target);
		model.addAttribute("sizeReason", sizeReason);
		model.addAttribute("removing", removing);
		model.addAttribute("fieldErrors", errors);
		return VIEW;
	}

}
