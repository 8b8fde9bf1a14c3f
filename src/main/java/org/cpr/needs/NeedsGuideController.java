package org.cpr.needs;

import java.util.Set;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
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

/**
 * Rotation guides for trainees (the next rotation's a week ahead) and the tip review
 * queue.
 */
@Controller
class NeedsGuideController {

	static final String GUIDE = "needs/guide";
	static final String MINE = "needs/my-guide";
	static final String TIPS = "needs/tips";

	private final RotationGuides guides;

	private final NeedsResults results;

	private final NeedsMessages messages;

	NeedsGuideController(RotationGuides guides, NeedsResults results, NeedsMessages messages) {
		this.guides = guides;
		this.results = results;
		this.messages = messages;
	}

	@Bean
	static NavigationItem needsMyGuideLink() {
		return new NavigationItem(24, "/needs/my-guide", "needs.nav.myGuide", Set.of(Role.PARTICIPANT));
	}

	@Bean
	static NavigationItem needsTipsLink() {
		return new NavigationItem(59, "/needs/tips", "needs.nav.tips", Set.of(Role.FACILITATOR));
	}

	@GetMapping("/needs/my-guide")
	String mine(@AuthenticationPrincipal CprUser me, Model model) {
		RotationGuides.Upcoming next = guides.upcoming(me.personId()).orElse(null);
		model.addAttribute("upcoming", next);
		if (next != null && next.visible()) {
			guides.publishedGuide(me.personId(), next.block().rotation().id())
				.ifPresent(g -> model.addAttribute("guide", g));
		}
		return MINE;
	}

	@GetMapping("/needs/guides/{id}")
	@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
	String guide(@AuthenticationPrincipal CprUser me, @PathVariable UUID id, Model model) {
		model.addAttribute("guide", guides.guide(results.viewer(me), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return GUIDE;
	}

	@GetMapping("/needs/tips")
	@PreAuthorize("hasRole('FACILITATOR')")
	String tips(@AuthenticationPrincipal CprUser me, @RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? results.currentYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("years", results.years());
		model.addAttribute("queues", guides.reviewQueue(results.viewer(me), y));
		return TIPS;
	}

	@PostMapping("/needs/tips/{id}/publish")
	@PreAuthorize("hasRole('FACILITATOR')")
	String publish(@AuthenticationPrincipal CprUser me, @PathVariable UUID id, @RequestParam int year,
			@RequestParam(defaultValue = "") String text, Model model) {
		try {
			guides.publish(results.viewer(me), year, id, text);
		}
		catch (NeedsInputException e) {
			model.addAttribute("error", messages.text(e));
			model.addAttribute("errorTip", id);
			model.addAttribute("errorText", text);
			return tips(me, year, model);
		}
		return "redirect:/needs/tips?year=" + year + "&published";
	}

	@PostMapping("/needs/tips/{id}/reject")
	@PreAuthorize("hasRole('FACILITATOR')")
	String reject(@AuthenticationPrincipal CprUser me, @PathVariable UUID id, @RequestParam int year, Model model) {
		try {
			guides.reject(results.viewer(me), year, id);
		}
		catch (NeedsInputException e) {
			model.addAttribute("error", messages.text(e));
			return tips(me, year, model);
		}
		return "redirect:/needs/tips?year=" + year + "&rejected";
	}

}
