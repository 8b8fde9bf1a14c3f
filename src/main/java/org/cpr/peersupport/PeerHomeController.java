package org.cpr.peersupport;

import java.util.ArrayList;
import java.util.List;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PersonId;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Peer support for everyone: ask to talk to a peer, or say you are worried about a
 * colleague; and see the requests you made (for a colleague: only "contact made" or "not
 * yet").
 */
@Controller
class PeerHomeController {

	static final String VIEW = "peersupport/home";

	private final PeerRequests requests;

	private final PeerPeople people;

	PeerHomeController(PeerRequests requests, PeerPeople people) {
		this.requests = requests;
		this.people = people;
	}

	@Bean
	static NavigationItem peerSupportLink() {
		return new NavigationItem(26, "/peer", "peer.nav", java.util.Set.of());
	}

	@GetMapping("/peer")
	String home(@AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("own", requests.ownRequests(me.personId()));
		List<PeerRequests.ReferredCase> referred = requests.referredBy(me.personId());
		model.addAttribute("referred", referred);
		List<PersonId> ids = new ArrayList<>();
		referred.forEach(r -> ids.add(r.person()));
		model.addAttribute("names", people.names(ids));
		model.asMap().putIfAbsent("colleague", "");
		model.asMap().putIfAbsent("language", "");
		return VIEW;
	}

	@PostMapping("/peer/request")
	String selfReferral(@AuthenticationPrincipal CprUser me, @RequestParam(required = false) String language,
			Model model, RedirectAttributes redirect) {
		try {
			requests.selfRefer(me.personId(), language);
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("selfProblem", refused.reason().messageKey());
			model.addAttribute("language", language);
			return home(me, model);
		}
		redirect.addFlashAttribute("notice", "peer.home.requested");
		return "redirect:/peer";
	}

	@PostMapping("/peer/refer")
	String colleagueReferral(@AuthenticationPrincipal CprUser me, @RequestParam(required = false) String colleague,
			Model model, RedirectAttributes redirect) {
		try {
			PersonId who = people.find(colleague)
				.orElseThrow(() -> new PeerSupportRefused(PeerSupportRefused.Reason.UNKNOWN_PERSON));
			requests.referColleague(me.personId(), who);
		}
		catch (PeerSupportRefused refused) {
			model.addAttribute("referProblem", refused.reason().messageKey());
			model.addAttribute("colleague", colleague);
			return home(me, model);
		}
		redirect.addFlashAttribute("notice", "peer.home.referred");
		return "redirect:/peer";
	}

}
