package org.cpr.peersupport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
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
 * The coordinator's queue: open requests (overdue first to the eye), each with the
 * proposed supporter and the reasons; confirming assigns and notifies the supporter.
 * Every look is audited.
 */
@Controller
@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
class PeerCoordinatorController {

	static final String QUEUE_VIEW = "peersupport/queue";
	static final String REQUEST_VIEW = "peersupport/request";

	private final PeerRequests requests;

	private final PeerPeople people;

	private final Clock clock;

	PeerCoordinatorController(PeerRequests requests, PeerPeople people, Clock clock) {
		this.requests = requests;
		this.people = people;
		this.clock = clock;
	}

	@Bean
	static NavigationItem peerCoordinatorLink() {
		return new NavigationItem(28, "/peer/coordinator", "peer.queue.nav", Set.of(Role.PEER_SUPPORT_COORDINATOR));
	}

	@GetMapping("/peer/coordinator")
	String queue(@AuthenticationPrincipal CprUser me, Model model) {
		List<PeerRequest> open = requests.queue(me.personId());
		List<PersonId> ids = new ArrayList<>();
		open.forEach(r -> {
			ids.add(r.person());
			ids.add(r.supporter());
			ids.add(r.proposedSupporter());
		});
		model.addAttribute("requests", open);
		model.addAttribute("names", people.names(ids));
		model.addAttribute("now", clock.instant());
		return QUEUE_VIEW;
	}

	@GetMapping("/peer/coordinator/requests/{id}")
	String request(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		PeerRequest r;
		try {
			r = requests.forCoordinator(PeerCaseController.requestId(id), me.personId());
		}
		catch (PeerSupportRefused refused) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("request", r);
		model.addAttribute("now", clock.instant());
		List<PersonId> ids = new ArrayList<>(List.of(r.person()));
		if (r.status() == RequestStatus.AWAITING_CONFIRMATION) {
			MatchProposal proposal = requests.propose(r).orElse(null);
			List<PersonId> eligible = requests.eligibleSupporters(r);
			model.addAttribute("proposal", proposal);
			model.addAttribute("eligible", eligible);
			ids.addAll(eligible);
		}
		else {
			ids.add(r.supporter());
			model.addAttribute("encounters", requests.encounters(r, me.personId()));
		}
		model.addAttribute("names", people.names(ids));
		return REQUEST_VIEW;
	}

	@PostMapping("/peer/coordinator/requests/{id}/confirm")
	String confirm(@PathVariable String id, @RequestParam(required = false) String supporter,
			@AuthenticationPrincipal CprUser me, Model model, RedirectAttributes redirect) {
		try {
			PersonId chosen = supporter == null || supporter.isBlank() ? null : PersonId.of(supporter);
			requests.confirm(PeerCaseController.requestId(id), chosen, me.personId());
		}
		catch (PeerSupportRefused refused) {
			if (refused.reason() == PeerSupportRefused.Reason.NOT_FOUND) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			model.addAttribute("problem", refused.reason().messageKey());
			return request(id, me, model);
		}
		catch (IllegalArgumentException badId) {
			model.addAttribute("problem", PeerSupportRefused.Reason.NOT_A_SUPPORTER.messageKey());
			return request(id, me, model);
		}
		redirect.addFlashAttribute("notice", "peer.request.assigned");
		return "redirect:/peer/coordinator/requests/" + id;
	}

}
