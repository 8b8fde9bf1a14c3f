package org.cpr.peersupport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roster for the coordinator: who supports, their training and refresher,
 * availability, load and pauses.
 */
@Controller
@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
class PeerRosterController {

	static final String ROSTER_VIEW = "peersupport/roster";
	static final String SUPPORTER_VIEW = "peersupport/supporter";

	private final PeerRoster roster;

	private final PeerPeople people;

	private final IdentityManagement identity;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final SupporterDebriefs ownDebriefs;

	PeerRosterController(PeerRoster roster, PeerPeople people, IdentityManagement identity, TransactionTemplate tx,
			Clock clock, SupporterDebriefs ownDebriefs) {
		this.ownDebriefs = ownDebriefs;
		this.roster = roster;
		this.people = people;
		this.identity = identity;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/peer/roster")
	String list(Model model) {
		List<SupporterProfile> all = roster.roster();
		model.addAttribute("supporters", all);
		model.addAttribute("names", people.names(all.stream().map(SupporterProfile::person).toList()));
		model.addAttribute("today", LocalDate.now(clock));
		choices(model);
		model.asMap().putIfAbsent("form", RosterForm.blank());
		return ROSTER_VIEW;
	}

	@PostMapping("/peer/roster")
	String enrol(RosterForm form, @AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		try {
			PersonId person = people.find(form.person())
				.orElseThrow(() -> new PeerSupportRefused(PeerSupportRefused.Reason.UNKNOWN_PERSON));
			tx.executeWithoutResult(status -> {
				roster.enrol(person, form.entry(), me.personId());
				if (form.hasTraining()) {
					roster.recordTraining(person, form.training(), me.personId());
				}
			});
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
			model.addAttribute("problemField", refused.reason().field());
			model.addAttribute("form", form);
			return list(model);
		}
		redirect.addFlashAttribute("notice", "peer.roster.added");
		return "redirect:/peer/roster";
	}

	@GetMapping("/peer/roster/{person}")
	String supporter(@PathVariable String person, @AuthenticationPrincipal CprUser me, Model model) {
		SupporterProfile p = profile(person);
		List<SupporterDebrief> own = ownDebriefs.history(p.person(), me.personId());
		model.addAttribute("ownDebriefs", own);
		model.addAttribute("debriefNames", people
			.names(own.stream().map(SupporterDebrief::withPerson).filter(java.util.Objects::nonNull).toList()));
		model.addAttribute("debriefWith", DebriefWith.values());
		model.addAttribute("debriefOutcomes", DebriefOutcome.values());
		model.asMap().putIfAbsent("debriefForm", SupporterDebriefForm.blank());
		model.addAttribute("supporter", p);
		model.addAttribute("name", people.names(List.of(p.person())).get(p.person()));
		model.addAttribute("trainings", roster.trainings(p.person()));
		model.addAttribute("today", LocalDate.now(clock));
		choices(model);
		model.asMap().putIfAbsent("form", RosterForm.of(p));
		return SUPPORTER_VIEW;
	}

	@PostMapping("/peer/roster/{person}")
	String update(@PathVariable String person, RosterForm form, @AuthenticationPrincipal CprUser me, Model model,
			RedirectAttributes redirect) {
		SupporterProfile p = profile(person);
		try {
			tx.executeWithoutResult(status -> {
				roster.update(p.person(), form.entry(), me.personId());
				if (form.hasTraining()) {
					roster.recordTraining(p.person(), form.training(), me.personId());
				}
			});
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
			model.addAttribute("problemField", refused.reason().field());
			model.addAttribute("form", form);
			return supporter(person, me, model);
		}
		redirect.addFlashAttribute("notice", "peer.roster.saved");
		return "redirect:/peer/roster/" + person;
	}

	/**
	 * Records or schedules the supporter's own debrief (day, with whom, outcome; no
	 * content).
	 */
	@PostMapping("/peer/roster/{person}/debriefs")
	String recordDebrief(@PathVariable String person, SupporterDebriefForm debriefForm,
			@AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		SupporterProfile p = profile(person);
		try {
			String named = debriefForm.withPerson();
			PersonId with = named == null || named.isBlank() ? null : people.find(named)
				.orElseThrow(() -> new PeerSupportRefused(PeerSupportRefused.Reason.SUPPORTER_DEBRIEF_WITH_UNKNOWN));
			ownDebriefs.record(p.person(), debriefForm.heldOn(), debriefForm.with(), with, debriefForm.outcome(),
					me.personId());
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("debriefProblem", refused.reason().messageKey());
			model.addAttribute("debriefProblemField", refused.reason().field());
			model.addAttribute("debriefForm", debriefForm);
			return supporter(person, me, model);
		}
		redirect.addFlashAttribute("notice", "peer.ownDebrief.recorded");
		return "redirect:/peer/roster/" + person + "#own-debriefs";
	}

	/** Marks one of the supporter's own debriefs as done or not done. */
	@PostMapping("/peer/roster/{person}/debriefs/{debrief}")
	String debriefOutcome(@PathVariable String person, @PathVariable String debrief,
			@org.springframework.web.bind.annotation.RequestParam(required = false) DebriefOutcome outcome,
			@AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		SupporterProfile p = profile(person);
		java.util.UUID id;
		try {
			id = java.util.UUID.fromString(debrief);
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			ownDebriefs.outcome(p.person(), id, outcome, me.personId());
		}
		catch (PeerSupportRefused refused) {
			if (refused.reason() == PeerSupportRefused.Reason.NOT_FOUND) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			model.addAttribute("debriefProblem", refused.reason().messageKey());
			return supporter(person, me, model);
		}
		redirect.addFlashAttribute("notice", "peer.ownDebrief.updated");
		return "redirect:/peer/roster/" + person + "#own-debriefs";
	}

	private SupporterProfile profile(String person) {
		try {
			return roster.profile(PersonId.of(person))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private void choices(Model model) {
		model.addAttribute("professions", TraineeType.values());
		model.addAttribute("sites", identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL));
	}

}
