package org.cpr.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.identity.AdminForms.UnitForm;
import org.cpr.shared.FormErrors;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The org tree: institution → school/hospital → department → training program. */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ADMINISTRATOR')")
class AdminOrgUnitsController {

	static final String VIEW = "identity/admin/org-units";

	private final PeopleAdministration admin;

	AdminOrgUnitsController(PeopleAdministration admin) {
		this.admin = admin;
	}

	@Bean
	static NavigationItem orgUnitsLink() {
		return new NavigationItem(71, "/admin/org-units", "admin.nav.units",
				Set.of(Role.SYSTEM_ADMIN, Role.ADMINISTRATOR));
	}

	@GetMapping("/admin/org-units")
	String list(Model model) {
		model.addAttribute("form", UnitForm.empty());
		return page(model);
	}

	@PostMapping("/admin/org-units")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		if (!errors.hasFieldErrors("code") && form.code() != null && admin.unitCodeTaken(form.code())) {
			FormErrors.rejectValue(errors, "code", "admin.code.taken");
		}
		if (form.kind() != null && form.kind() != OrgUnitKind.INSTITUTION && form.parent() == null) {
			FormErrors.rejectValue(errors, "parent", "admin.parent.required");
		}
		if (errors.hasErrors()) {
			return page(model);
		}
		admin.createUnit(form.code(), form.name(), form.kind(), form.parent(), me.personId());
		return "redirect:/admin/org-units";
	}

	@PostMapping("/admin/org-units/{id}/rename")
	@PreAuthorize("hasRole('SYSTEM_ADMIN')")
	String rename(@PathVariable UUID id, @RequestParam String name, @AuthenticationPrincipal CprUser me) {
		if (!name.isBlank() && name.length() <= 200) {
			admin.renameUnit(id, name, me.personId());
		}
		return "redirect:/admin/org-units";
	}

	private String page(Model model) {
		model.addAttribute("units", admin.units());
		return VIEW;
	}

}
