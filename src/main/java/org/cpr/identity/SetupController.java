package org.cpr.identity;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cpr.shared.FormErrors;
import org.cpr.shared.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first-run page: the set-up link from a node's log creates the first system
 * administrator.
 */
@Controller
class SetupController {

	static final String SETUP_VIEW = "identity/setup";

	record SetupForm(String token,
			@NotBlank(message = "{setup.code.required}") @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$",
					message = "{admin.code.format}") String institutionCode,
			@NotBlank(message = "{admin.name.required}") @Size(max = 200,
					message = "{admin.tooLong}") String institutionName,
			@NotBlank(message = "{admin.username.required}") @Pattern(regexp = "^[A-Za-z0-9._-]{2,120}$",
					message = "{admin.username.format}") String username,
			@NotBlank(message = "{admin.email.required}") @Email(message = "{admin.email.format}") @Size(max = 254,
					message = "{admin.tooLong}") String email,
			@NotBlank(message = "{admin.displayName.required}") @Size(max = 200,
					message = "{admin.tooLong}") String displayName,
			String password, String confirmation) {

		FirstAdministrator.FirstAdmin details() {
			return new FirstAdministrator.FirstAdmin(institutionCode, institutionName, username, email, displayName,
					password);
		}
	}

	private final FirstAdministrator setup;

	SetupController(FirstAdministrator setup) {
		this.setup = setup;
	}

	@Bean
	static PublicPaths setupPaths() {
		return PublicPaths.of("/setup");
	}

	@GetMapping("/setup")
	String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		if (!setup.valid(token)) {
			return closed(model, response);
		}
		model.addAttribute("form", new SetupForm(token, "", "", "", "", "", "", ""));
		return SETUP_VIEW;
	}

	@PostMapping("/setup")
	String create(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		if (!setup.valid(form.token())) {
			return closed(model, response);
		}
		if (form.password() == null || !form.password().equals(form.confirmation())) {
			FormErrors.rejectValue(errors, "confirmation", "password.confirmation.mismatch");
		}
		if (errors.hasErrors()) {
			return SETUP_VIEW;
		}
		for (String problem : setup.create(form.token(), form.details())) {
			switch (problem) {
				case "setup.link.invalid" -> {
					return closed(model, response);
				}
				case "setup.username.taken" -> FormErrors.rejectValue(errors, "username", problem);
				case "setup.email.taken" -> FormErrors.rejectValue(errors, "email", problem);
				case "setup.code.taken" -> FormErrors.rejectValue(errors, "institutionCode", problem);
				default -> FormErrors.rejectValue(errors, "password", problem);
			}
		}
		return errors.hasErrors() ? SETUP_VIEW : "redirect:/login?setup";
	}

	/**
	 * A used, expired or unknown link, or an installation that already has its
	 * administrator: one page says which to do.
	 */
	private String closed(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("closed", true);
		model.addAttribute("adminExists", !setup.needed());
		return SETUP_VIEW;
	}

}
