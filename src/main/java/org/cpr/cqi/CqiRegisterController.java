package org.cpr.cqi;

import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.cqi.CqiForms.ItemForm;
import org.cpr.cqi.CqiForms.MoveForm;
import org.cpr.cqi.CqiForms.PresentationForm;
import org.cpr.cqi.CqiForms.PublishForm;
import org.cpr.cqi.CqiForms.SolutionForm;
import org.cpr.identity.CprUser;
import org.cpr.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The improvement register: facilitators edit; program directors and administrators read.
 */
@Controller
@RequestMapping("/cqi/items")
@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
class CqiRegisterController {

	static final String LIST_VIEW = "cqi/items";
	static final String FORM_VIEW = "cqi/item-form";
	static final String ITEM_VIEW = "cqi/item";

	private static final String FACILITATOR = "hasRole('FACILITATOR')";

	private final ImprovementRegister register;

	private final ItemPage page;

	CqiRegisterController(ImprovementRegister register, ItemPage page) {
		this.register = register;
		this.page = page;
	}

	@ModelAttribute("hospitals")
	java.util.List<org.cpr.identity.OrgUnitSummary> hospitals() {
		return page.hospitals();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("items", register.list());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	@PreAuthorize(FACILITATOR)
	String newItem(
			@org.springframework.web.bind.annotation.RequestParam(required = false) org.cpr.cqi.CqiCategory category,
			@org.springframework.web.bind.annotation.RequestParam(required = false) java.util.UUID hospital,
			Model model) {
		model.addAttribute("form", ItemForm.empty().withCategory(category).withHospital(hospital));
		return FORM_VIEW;
	}

	@PostMapping
	@PreAuthorize(FACILITATOR)
	String create(@Valid @ModelAttribute("form") ItemForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me) {
		checkHospital(form, errors);
		if (errors.hasErrors()) {
			return FORM_VIEW;
		}
		return "redirect:/cqi/items/" + register.create(form.draft(), me.personId());
	}

	@GetMapping("/{id}")
	String item(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, Model model) {
		return page.render(id, me, model);
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(FACILITATOR)
	String edit(@PathVariable UUID id, Model model) {
		model.addAttribute("form", ItemForm.of(load(id)));
		model.addAttribute("itemId", id);
		return FORM_VIEW;
	}

	@PostMapping("/{id}")
	@PreAuthorize(FACILITATOR)
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") ItemForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		load(id);
		checkHospital(form, errors);
		if (errors.hasErrors()) {
			model.addAttribute("itemId", id);
			return FORM_VIEW;
		}
		register.update(id, form.draft(), me.personId());
		return "redirect:/cqi/items/" + id;
	}

	@PostMapping("/{id}/solutions")
	@PreAuthorize(FACILITATOR)
	String addSolution(@PathVariable UUID id, @Valid @ModelAttribute("solutionForm") SolutionForm form,
			BindingResult errors, @AuthenticationPrincipal CprUser me, Model model) {
		if (errors.hasErrors()) {
			return redisplay(id, me, model);
		}
		register.addSolution(id, form.description(), me.personId());
		return "redirect:/cqi/items/" + id;
	}

	@PostMapping("/{id}/presentations")
	@PreAuthorize(FACILITATOR)
	String recordPresentation(@PathVariable UUID id, @Valid @ModelAttribute("presentationForm") PresentationForm form,
			BindingResult errors, @AuthenticationPrincipal CprUser me, Model model) {
		if (!errors.hasErrors()) {
			try {
				register.recordPresentation(id, form.record(), me.personId());
				return "redirect:/cqi/items/" + id;
			}
			catch (ImprovementRegister.RefusedException refused) {
				FormErrors.rejectValue(errors,
						refused.messageKey().equals("cqi.error.declineReason") ? "decisionReason" : "decision",
						refused.messageKey());
			}
		}
		return redisplay(id, me, model);
	}

	@PostMapping("/{id}/status")
	@PreAuthorize(FACILITATOR)
	String move(@PathVariable UUID id, @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		if (!errors.hasErrors()) {
			try {
				register.move(id, form.target(), form.reason(), me.personId());
				return "redirect:/cqi/items/" + id;
			}
			catch (ImprovementRegister.RefusedException refused) {
				model.addAttribute("moveError", refused.messageKey());
			}
		}
		return redisplay(id, me, model);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize(FACILITATOR)
	String publish(@PathVariable UUID id, @Valid @ModelAttribute("publishForm") PublishForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		if (errors.hasErrors()) {
			return redisplay(id, me, model);
		}
		register.publish(id, form.youSaid(), form.weDid(), me.personId());
		return "redirect:/cqi/items/" + id;
	}

	private String redisplay(UUID id, CprUser me, Model model) {
		return page.render(id, me, model);
	}

	private void checkHospital(ItemForm form, BindingResult errors) {
		if (form.hospitalId() != null && !page.isHospital(form.hospitalId())) {
			FormErrors.rejectValue(errors, "hospitalId", "cqi2.hospital.required");
		}
	}

	private ItemView load(UUID id) {
		return register.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
