package org.cpr.peersupport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adverse-event reach-in for a risk/quality manager, nurse manager or chief resident: the
 * kind of event, its date and who was involved, and nothing clinical. Afterwards they
 * see, per person, only "contact made" or "not yet".
 */
@Controller
@PreAuthorize("hasAnyRole('REACH_IN_REFERRER','PEER_SUPPORT_COORDINATOR')")
class PeerReachInController {

	static final String VIEW = "peersupport/reach-in";

	private final PeerRequests requests;

	private final PeerPeople people;

	private final Clock clock;

	PeerReachInController(PeerRequests requests, PeerPeople people, Clock clock) {
		this.requests = requests;
		this.people = people;
		this.clock = clock;
	}

	@Bean
	static NavigationItem reachInLink() {
		return new NavigationItem(29, "/peer/reach-in", "peer.reachIn.nav",
				Set.of(Role.REACH_IN_REFERRER, Role.PEER_SUPPORT_COORDINATOR));
	}

	@GetMapping("/peer/reach-in")
	String form(@AuthenticationPrincipal CprUser me, Model model) {
		List<PeerRequests.ReferredCase> referred = requests.referredBy(me.personId());
		model.addAttribute("referred", referred);
		model.addAttribute("names", people.names(referred.stream().map(PeerRequests.ReferredCase::person).toList()));
		model.addAttribute("eventTypes", EventType.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.asMap().putIfAbsent("form", ReachInForm.blank());
		return VIEW;
	}

	@PostMapping("/peer/reach-in")
	String file(ReachInForm form, @AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		try {
			List<org.cpr.shared.PersonId> involved = people.findAll(form.people());
			if (involved.isEmpty()) {
				throw new PeerSupportRefused(PeerSupportRefused.Reason.UNKNOWN_PERSON);
			}
			requests.fileReachIn(me.personId(), form.eventType(), form.eventDate(), involved);
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
			model.addAttribute("problemField", refused.reason().field());
			model.addAttribute("form", form);
			return form(me, model);
		}
		redirect.addFlashAttribute("notice", "peer.reachIn.filed");
		return "redirect:/peer/reach-in";
	}

}
