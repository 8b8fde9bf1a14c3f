package org.cpr.peersupport;

import java.util.ArrayList;
import java.util.List;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Group debriefs after critical incidents, recorded by the coordinator (no attendee
 * names).
 */
@Controller
@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
class PeerDebriefController {

	static final String VIEW = "peersupport/debriefs";

	private final GroupDebriefs debriefs;

	private final PeerPeople people;

	private final IdentityManagement identity;

	private final java.time.Clock clock;

	PeerDebriefController(GroupDebriefs debriefs, PeerPeople people, IdentityManagement identity,
			java.time.Clock clock) {
		this.clock = clock;
		this.debriefs = debriefs;
		this.people = people;
		this.identity = identity;
	}

	@GetMapping("/peer/debriefs")
	String list(Model model) {
		List<GroupDebrief> recent = debriefs.recent();
		List<PersonId> ids = new ArrayList<>();
		recent.forEach(d -> ids.addAll(d.facilitators()));
		model.addAttribute("debriefs", recent);
		model.addAttribute("names", people.names(ids));
		List<OrgUnitSummary> units = new ArrayList<>(identity.orgUnitsOfKind(OrgUnitKind.DEPARTMENT));
		units.addAll(identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL));
		model.addAttribute("units", units);
		java.util.Map<OrgUnitId, String> unitNames = new java.util.HashMap<>();
		identity.orgUnits().forEach(u -> unitNames.put(u.id(), u.name()));
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("today", java.time.LocalDate.now(clock));
		model.asMap().putIfAbsent("form", DebriefForm.blank());
		return VIEW;
	}

	@PostMapping("/peer/debriefs")
	String record(DebriefForm form, @AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		try {
			List<PersonId> facilitators;
			try {
				facilitators = people.findAll(form.facilitators());
			}
			catch (PeerSupportRefused unknown) {
				throw new PeerSupportRefused(PeerSupportRefused.Reason.DEBRIEF_FACILITATORS_INVALID);
			}
			debriefs.record(form.unit() == null ? null : new OrgUnitId(form.unit()), form.heldOn(), facilitators,
					form.attendance(), me.personId());
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
			model.addAttribute("problemField", refused.reason().field());
			model.addAttribute("form", form);
			return list(model);
		}
		redirect.addFlashAttribute("notice", "peer.debrief.recorded");
		return "redirect:/peer/debriefs";
	}

}
