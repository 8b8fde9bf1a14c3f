package org.cpr.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cpr.shared.FormErrors;
import org.cpr.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's own account: language, password, two-step sign-in status, personal access
 * tokens.
 */
@Controller
class AccountController {

	static final String ACCOUNT_VIEW = "identity/account";
	static final String TOKENS_VIEW = "identity/tokens";

	record PasswordForm(String current, String replacement, String confirmation) {
	}

	record TokenForm(
			@NotBlank(message = "{token.name.required}") @Size(max = 100, message = "{token.name.tooLong}") String name,
			@NotNull(message = "{token.days.range}") @Min(value = 1, message = "{token.days.range}") @Max(value = 365,
					message = "{token.days.range}") Integer days) {
	}

	private final Accounts accounts;

	/** The languages offered on the account page, in the order shown. */
	static final List<String> LANGUAGES = List.of("en", "es");

	private final MfaEnrolment mfa;

	private final IdentityManagement identity;

	private final LocaleResolver locales;

	AccountController(Accounts accounts, MfaEnrolment mfa, IdentityManagement identity, LocaleResolver locales) {
		this.accounts = accounts;
		this.mfa = mfa;
		this.identity = identity;
		this.locales = locales;
	}

	@Bean
	static NavigationItem accountLink() {
		return new NavigationItem(90, "/account", "account.nav", Set.of());
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		model.addAttribute("mfaEnrolled", mfa.isEnrolled(me.personId()));
		model.addAttribute("sso", campusSignOn(me));
		languageChoice(me, model, locale);
		return ACCOUNT_VIEW;
	}

	/**
	 * The person's language for pages and e-mail: stored (it applies again at every
	 * sign-in, on any device) and used at once.
	 */
	@PostMapping("/account/language")
	String chooseLanguage(@AuthenticationPrincipal CprUser me, @RequestParam(required = false) String language,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (language == null || !LANGUAGES.contains(language)) {
			model.addAttribute("form", new PasswordForm("", "", ""));
			model.addAttribute("mfaEnrolled", mfa.isEnrolled(me.personId()));
			model.addAttribute("sso", campusSignOn(me));
			languageChoice(me, model, locale);
			model.addAttribute("languageError", "account.language.required");
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return ACCOUNT_VIEW;
		}
		Locale chosen = Locale.forLanguageTag(language);
		identity.rememberLanguage(me.personId(), chosen);
		locales.setLocale(request, response, chosen);
		redirect.addFlashAttribute("languageSaved", true);
		return "redirect:/account";
	}

	private void languageChoice(CprUser me, Model model, Locale locale) {
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("language",
				identity.chosenLanguage(me.personId())
					.map(Locale::getLanguage)
					.orElse(LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en"));
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CprUser me, @ModelAttribute("form") PasswordForm form,
			BindingResult errors, Model model) {
		if (campusSignOn(me)) {
			return "redirect:/account";
		}
		Accounts.PasswordProblems problems = accounts.changePassword(me.personId(), form.current(), form.replacement(),
				form.confirmation());
		problems.current().forEach(k -> FormErrors.rejectValue(errors, "current", k));
		problems.replacement().forEach(k -> FormErrors.rejectValue(errors, "replacement", k));
		problems.confirmation().forEach(k -> FormErrors.rejectValue(errors, "confirmation", k));
		model.addAttribute("mfaEnrolled", mfa.isEnrolled(me.personId()));
		languageChoice(me, model, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		if (problems.none()) {
			model.addAttribute("form", new PasswordForm("", "", ""));
			model.addAttribute("passwordChanged", true);
		}
		return ACCOUNT_VIEW;
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("tokenForm", new TokenForm("", 90));
		return tokenPage(me, model);
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal CprUser me, @Valid @ModelAttribute("tokenForm") TokenForm form,
			BindingResult errors, Model model) {
		if (!errors.hasErrors()) {
			model.addAttribute("issued", accounts.createToken(me.personId(), form.name(), form.days()));
			model.addAttribute("tokenForm", new TokenForm("", 90));
		}
		return tokenPage(me, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal CprUser me, @PathVariable UUID id) {
		accounts.revokeToken(me.personId(), id);
		return "redirect:/account/tokens";
	}

	/**
	 * Signed in through the campus provider: the password lives there (and may not exist
	 * here at all).
	 */
	private static boolean campusSignOn(CprUser me) {
		return me instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser;
	}

	private String tokenPage(CprUser me, Model model) {
		model.addAttribute("tokens", accounts.tokensOf(me.personId()));
		return TOKENS_VIEW;
	}

}
