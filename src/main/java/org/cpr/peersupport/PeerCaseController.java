package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.cpr.identity.CprUser;
import org.cpr.safety.SafetyAlerts;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supporter on a phone: their open requests, one request with the buttons that matter
 * (contact made, declined, log an encounter, crisis hand-off), their pause and their own
 * check-ins.
 */
@Controller
@PreAuthorize("hasRole('PEER_SUPPORTER')")
class PeerCaseController {

	static final String CASES_VIEW = "peersupport/cases";
	static final String CASE_VIEW = "peersupport/case";

	private static final Set<String> FRAMEWORK_FIELDS = Set.of("_csrf", "lang");

	private final PeerRequests requests;

	private final PeerRoster roster;

	private final PeerPeople people;

	private final SafetyAlerts safety;

	private final java.time.Clock clock;

	private final SupporterDebriefs ownDebriefs;

	PeerCaseController(PeerRequests requests, PeerRoster roster, PeerPeople people, SafetyAlerts safety,
			java.time.Clock clock, SupporterDebriefs ownDebriefs) {
		this.ownDebriefs = ownDebriefs;
		this.requests = requests;
		this.roster = roster;
		this.people = people;
		this.safety = safety;
		this.clock = clock;
	}

	@Bean
	static NavigationItem peerCasesLink() {
		return new NavigationItem(27, "/peer/cases", "peer.cases.nav", Set.of(Role.PEER_SUPPORTER));
	}

	@GetMapping("/peer/cases")
	String cases(@AuthenticationPrincipal CprUser me, Model model) {
		List<PeerRequest> cases = requests.casesOf(me.personId());
		model.addAttribute("cases", cases);
		model.addAttribute("names", people.names(cases.stream().map(PeerRequest::person).toList()));
		model.addAttribute("profile", roster.profile(me.personId()).orElse(null));
		model.addAttribute("checkins", roster.checkins(me.personId()));
		List<SupporterDebrief> own = ownDebriefs.history(me.personId(), me.personId());
		model.addAttribute("ownDebriefs", own);
		model.addAttribute("debriefNames", people
			.names(own.stream().map(SupporterDebrief::withPerson).filter(java.util.Objects::nonNull).toList()));
		model.addAttribute("today", LocalDate.now(clock));
		return CASES_VIEW;
	}

	@GetMapping("/peer/cases/{id}")
	String open(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		PeerRequest r = mine(id, me);
		model.addAttribute("request", r);
		model.addAttribute("person", people.person(r.person()).orElse(null));
		model.addAttribute("encounters", requests.encounters(r, me.personId()));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("durations", DurationBand.values());
		model.addAttribute("types", EncounterType.values());
		model.asMap().putIfAbsent("form", new EncounterForm(LocalDate.now(clock), null, null, null, null, null));
		return CASE_VIEW;
	}

	@PostMapping("/peer/cases/{id}/contacted")
	String contacted(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model,
			RedirectAttributes redirect) {
		return act(id, me, model, redirect, "peer.case.contactRecorded",
				() -> requests.contacted(requestId(id), me.personId()));
	}

	@PostMapping("/peer/cases/{id}/declined")
	String declined(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model,
			RedirectAttributes redirect) {
		String view = act(id, me, model, redirect, "peer.case.declineRecorded",
				() -> requests.declined(requestId(id), me.personId()));
		return view.startsWith("redirect:") ? "redirect:/peer/cases" : view;
	}

	@PostMapping("/peer/cases/{id}/close")
	String close(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model,
			RedirectAttributes redirect) {
		String view = act(id, me, model, redirect, "peer.case.closed",
				() -> requests.close(requestId(id), me.personId()));
		return view.startsWith("redirect:") ? "redirect:/peer/cases" : view;
	}

	@PostMapping("/peer/cases/{id}/encounters")
	String encounter(@PathVariable String id, EncounterForm form, HttpServletRequest http,
			@AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		for (String name : http.getParameterMap().keySet()) {
			if (!EncounterForm.FIELDS.contains(name) && !FRAMEWORK_FIELDS.contains(name)) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "peer.case.unknownField");
			}
		}
		model.addAttribute("form", form);
		return act(id, me, model, redirect, "peer.case.encounterLogged",
				() -> requests.logEncounter(requestId(id), me.personId(), form.entry()));
	}

	/**
	 * The crisis hand-off: one button, a tier-1 alert to the on-call clinician, and the
	 * numbers to call now.
	 */
	@PostMapping("/peer/cases/{id}/crisis")
	String crisis(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		try {
			requests.crisisHandOff(requestId(id), me.personId());
		}
		catch (PeerSupportRefused refused) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<PersonId> ladder = safety.onCallLadder();
		model.addAttribute("oncall", ladder.isEmpty() ? null : people.names(List.of(ladder.get(0))).get(ladder.get(0)));
		model.addAttribute("requestId", id);
		return "peersupport/crisis";
	}

	@PostMapping("/peer/me/pause")
	String pause(@AuthenticationPrincipal CprUser me,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, Model model,
			RedirectAttributes redirect) {
		try {
			roster.pause(me.personId(), until);
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
			return cases(me, model);
		}
		redirect.addFlashAttribute("notice", "peer.me.paused");
		return "redirect:/peer/cases";
	}

	@PostMapping("/peer/me/resume")
	String resume(@AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		try {
			roster.resume(me.personId());
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
			return cases(me, model);
		}
		redirect.addFlashAttribute("notice", "peer.me.resumed");
		return "redirect:/peer/cases";
	}

	@PostMapping("/peer/me/checkin")
	String checkIn(@AuthenticationPrincipal CprUser me, @RequestParam(required = false) Integer wellbeing,
			@RequestParam(defaultValue = "false") boolean wantsDebrief, Model model, RedirectAttributes redirect) {
		try {
			roster.checkIn(me.personId(), wellbeing == null ? 0 : wellbeing, wantsDebrief);
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
			return cases(me, model);
		}
		redirect.addFlashAttribute("notice", "peer.me.checkedIn");
		return "redirect:/peer/cases";
	}

	private String act(String id, CprUser me, Model model, RedirectAttributes redirect, String notice,
			Runnable action) {
		try {
			action.run();
		}
		catch (PeerSupportRefused refused) {
			if (refused.reason() == PeerSupportRefused.Reason.NOT_FOUND) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			model.addAttribute("problem", refused.reason().messageKey());
			model.addAttribute("problemField", refused.reason().field());
			return open(id, me, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/peer/cases/" + id;
	}

	private PeerRequest mine(String id, CprUser me) {
		try {
			return requests.forSupporter(requestId(id), me.personId());
		}
		catch (PeerSupportRefused refused) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static PeerRequestId requestId(String id) {
		try {
			return new PeerRequestId(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
