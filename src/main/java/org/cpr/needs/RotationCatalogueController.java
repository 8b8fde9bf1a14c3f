package org.cpr.needs;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rotation catalogue: list, add, edit, and each rotation's guide contacts and links.
 */
@Controller
@RequestMapping("/needs/rotations")
@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR')")
class RotationCatalogueController {

	static final String LIST = "needs/rotations";
	static final String EDIT = "needs/rotation-edit";

	private final RotationCatalogue catalogue;

	private final NeedsMessages messages;

	RotationCatalogueController(RotationCatalogue catalogue, NeedsMessages messages) {
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@Bean
	static NavigationItem needsRotationsLink() {
		return new NavigationItem(57, "/needs/rotations", "needs.nav.rotations",
				Set.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR));
	}

	@GetMapping
	String list(Model model) {
		return list(model, NeedsForms.RotationForm.empty(), Map.of());
	}

	@PostMapping
	String create(NeedsForms.RotationForm form, Model model) {
		try {
			catalogue.save(null, form.name(), form.hospitalCode(), form.specialty(), form.setting(), form.contacts());
		}
		catch (NeedsInputException e) {
			return list(model, form, messages.fieldErrors(e));
		}
		return "redirect:/needs/rotations?added";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Rotation r = catalogue.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		return edit(model, r, NeedsForms.RotationForm.of(r), Map.of());
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, NeedsForms.RotationForm form, Model model) {
		Rotation r = catalogue.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		try {
			catalogue.save(id, form.name(), form.hospitalCode(), form.specialty(), form.setting(), form.contacts());
		}
		catch (NeedsInputException e) {
			return edit(model, r, form, messages.fieldErrors(e));
		}
		return "redirect:/needs/rotations/" + id + "/edit?saved";
	}

	@PostMapping("/{id}/links")
	String addLink(@PathVariable UUID id, NeedsForms.LinkForm link, Model model) {
		Rotation r = catalogue.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		try {
			catalogue.addLink(id, link.label(), link.href());
		}
		catch (NeedsInputException e) {
			model.addAttribute("link", link);
			return edit(model, r, NeedsForms.RotationForm.of(r), messages.fieldErrors(e));
		}
		return "redirect:/needs/rotations/" + id + "/edit?saved";
	}

	@PostMapping("/{id}/links/{linkId}/delete")
	String removeLink(@PathVariable UUID id, @PathVariable UUID linkId) {
		catalogue.removeLink(id, linkId);
		return "redirect:/needs/rotations/" + id + "/edit?saved";
	}

	private String list(Model model, NeedsForms.RotationForm form, Map<String, String> errors) {
		model.addAttribute("rotations", catalogue.all());
		model.addAttribute("hospitals", catalogue.hospitals());
		model.addAttribute("settings", Setting.values());
		model.addAttribute("form", form);
		model.addAttribute("fieldErrors", errors);
		return LIST;
	}

	private String edit(Model model, Rotation r, NeedsForms.RotationForm form, Map<String, String> errors) {
		model.addAttribute("rotation", r);
		model.addAttribute("links", catalogue.links(r.id()));
		model.addAttribute("hospitals", catalogue.hospitals());
		model.addAttribute("settings", Setting.values());
		model.addAttribute("form", form);
		if (!model.containsAttribute("link")) {
			model.addAttribute("link", new NeedsForms.LinkForm("", ""));
		}
		model.addAttribute("fieldErrors", errors);
		return EDIT;
	}

}
