package org.cpr.safety.checkin;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cpr.identity.CprUser;
import org.cpr.shared.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Reveal myself" with the campus sign-in instead of a typed name: deliberately outside
 * the anonymous chain (this page does read the session). The participant proves the
 * check-in is theirs with the handle and passphrase; only then is it linked to their
 * identity, audited.
 */
@Controller
class CheckinIdentifyController {

	static final String VIEW = "safety/checkin-identify";

	record IdentifyForm(
			@NotBlank(message = "{checkin.handle.required}") @Size(max = 40,
					message = "{checkin.handle.invalid}") String handle,
			@NotBlank(message = "{checkin.passphrase.required}") @Size(max = 128,
					message = "{checkin.passphrase.length}") String passphrase,
			@Size(max = 200, message = "{checkin.reveal.tooLong}") String contact) {
	}

	private final CheckinService checkins;

	CheckinIdentifyController(CheckinService checkins) {
		this.checkins = checkins;
	}

	@GetMapping("/checkin-identify")
	String form(Model model) {
		model.addAttribute("form", new IdentifyForm("", "", ""));
		return VIEW;
	}

	@PostMapping("/checkin-identify")
	String identify(@Valid @ModelAttribute("form") IdentifyForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		if (errors.hasErrors()) {
			return VIEW;
		}
		try {
			Optional<UUID> account = checkins.signIn(form.handle(), form.passphrase());
			if (account.isEmpty()) {
				FormErrors.rejectValue(errors, "passphrase", "checkin.return.failed");
				return VIEW;
			}
			checkins.reveal(account.get(), me.displayName(), form.contact(), me.personId());
			model.addAttribute("done", true);
		}
		catch (CheckinThrottledException throttled) {
			FormErrors.rejectValue(errors, "passphrase", "checkin.throttled");
		}
		return VIEW;
	}

}
