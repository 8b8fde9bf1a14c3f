package org.cpr.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.identity.AdminForms.GrantForm;
import org.cpr.identity.AdminForms.PersonForm;
import org.cpr.shared.FormErrors;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** People and their role grants: system administrators edit, administrators look. */
@Controller
@RequestMapping("/admin/people")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','ADMINISTRATOR')")
class AdminPeopleController {

	static final String LIST_VIEW = "identity/admin/people";
	static final String FORM_VIEW = "identity/admin/person";

	private static final String EDIT = "hasRole('SYSTEM_ADMIN')";

	private final PeopleAdministration admin;

	AdminPeopleController(PeopleAdministration admin) {
		this.admin = admin;
	}

	@Bean
	static NavigationItem adminPeopleLink() {
		return new NavigationItem(70, "/admin/people", "admin.nav.people",
				Set.of(Role.SYSTEM_ADMIN, Role.ADMINISTRATOR));
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("people", admin.search(q, page));
		model.addAttribute("q", q);
		model.addAttribute("page", page);
		return LIST_VIEW;
	}

	@GetMapping("/new")
	@PreAuthorize(EDIT)
	String newPerson(Model model) {
		return form(model, PersonForm.empty(), null);
	}

	@PostMapping
	@PreAuthorize(EDIT)
	String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		checkUnique(form, null, errors);
		if (errors.hasErrors()) {
			return form(model, form, null);
		}
		return "redirect:/admin/people/" + admin.create(form.details(), me.personId());
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		return form(model, PersonForm.of(load(id)), id);
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDIT)
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		load(id);
		checkUnique(form, id, errors);
		if (errors.hasErrors()) {
			return form(model, form, id);
		}
		admin.update(id, form.details(), me.personId());
		return "redirect:/admin/people/" + id + "?saved";
	}

	@PostMapping("/{id}/password")
	@PreAuthorize(EDIT)
	String setPassword(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
			@AuthenticationPrincipal CprUser me, Model model) {
		PersonSummary person = load(id);
		var problems = admin.setPassword(id, password, me.personId());
		model.addAttribute("passwordProblems", problems);
		model.addAttribute("passwordSet", problems.isEmpty());
		return form(model, PersonForm.of(person), id);
	}

	@PostMapping("/{id}/grants")
	@PreAuthorize(EDIT)
	String grant(@PathVariable UUID id, @Valid @ModelAttribute("grantForm") GrantForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		PersonSummary person = load(id);
		if (errors.hasErrors() || !admin.grant(id, form.role(), form.unit(), me.personId())) {
			model.addAttribute("grantRefused", !errors.hasErrors());
			return form(model, PersonForm.of(person), id);
		}
		return "redirect:/admin/people/" + id;
	}

	@PostMapping("/{id}/grants/{grantId}/revoke")
	@PreAuthorize(EDIT)
	String revoke(@PathVariable UUID id, @PathVariable UUID grantId, @AuthenticationPrincipal CprUser me) {
		load(id);
		admin.revoke(id, grantId, me.personId());
		return "redirect:/admin/people/" + id;
	}

	private void checkUnique(PersonForm form, UUID id, BindingResult errors) {
		if (form.username() != null && !errors.hasFieldErrors("username") && admin.usernameTaken(form.username(), id)) {
			FormErrors.rejectValue(errors, "username", "admin.username.taken");
		}
		if (form.email() != null && !errors.hasFieldErrors("email") && admin.emailTaken(form.email(), id)) {
			FormErrors.rejectValue(errors, "email", "admin.email.taken");
		}
	}

	private String form(Model model, PersonForm form, UUID id) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		if (!model.containsAttribute("grantForm")) {
			model.addAttribute("grantForm", new GrantForm(null, null));
		}
		model.addAttribute("personId", id);
		model.addAttribute("units", admin.units());
		model.addAttribute("grants", id == null ? java.util.List.of() : admin.grantsOf(id));
		return FORM_VIEW;
	}

	private PersonSummary load(UUID id) {
		return admin.person(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
