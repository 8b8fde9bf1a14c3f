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
 * The stressor heat map, a rotation's top stressors, and "send this finding to the CQI
 * register".
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
class NeedsResultsController {

	static final String HEATMAP = "needs/heatmap";
	static final String STRESSORS = "needs/stressors";

	private final NeedsResults results;

	private final NeedsMessages messages;

	NeedsResultsController(NeedsResults results, NeedsMessages messages) {
		this.results = results;
		this.messages = messages;
	}

	@Bean
	static NavigationItem needsHeatMapLink() {
		return new NavigationItem(56, "/needs/heatmap", "needs.nav.heatmap",
				Set.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR));
	}

	@GetMapping("/needs/heatmap")
	String heatMap(@AuthenticationPrincipal CprUser me, @RequestParam(defaultValue = "ROTATION") String by,
			@RequestParam(required = false) Integer year, Model model) {
		Dimension dimension = dimension(by);
		int y = year == null ? results.currentYear() : year;
		model.addAttribute("map", results.heatMap(viewer(me), dimension, y));
		model.addAttribute("dimensions", Dimension.values());
		return HEATMAP;
	}

	@GetMapping("/needs/rotations/{id}/stressors")
	String stressors(@AuthenticationPrincipal CprUser me, @PathVariable UUID id,
			@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? results.currentYear() : year;
		model.addAttribute("top", results.topStressors(viewer(me), id, y)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("years", results.years());
		model.addAttribute("trend", results.trend(viewer(me), id));
		model.addAttribute("domains", StressorDomain.values());
		return STRESSORS;
	}

	@PostMapping("/needs/rotations/{id}/stressors/cqi")
	@PreAuthorize("hasRole('FACILITATOR')")
	String sendToCqi(@AuthenticationPrincipal CprUser me, @PathVariable UUID id, @RequestParam int year,
			@RequestParam String domain, Model model) {
		StressorDomain d;
		try {
			d = StressorDomain.valueOf(domain);
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		try {
			UUID item = results.sendToCqi(viewer(me), id, year, d);
			return "redirect:/cqi/items/" + item;
		}
		catch (NeedsInputException e) {
			model.addAttribute("error", messages.text(e));
			return stressors(me, id, year, model);
		}
	}

	private NeedsResults.Viewer viewer(CprUser me) {
		return results.viewer(me);
	}

	private static Dimension dimension(String by) {
		try {
			return Dimension.valueOf(by);
		}
		catch (IllegalArgumentException e) {
			return Dimension.ROTATION;
		}
	}

}
