package org.cpr.identity.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Resets the failure counter after a successful sign-in, and shows the site in the
 * language the person chose (account page or language switch), whatever the browser's
 * language cookie said.
 */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final PersonRepository people;

	private final TransactionTemplate tx;

	private final java.time.Clock clock;

	private final LocaleResolver locales;

	LoginSuccessHandler(PersonRepository people, TransactionTemplate tx, java.time.Clock clock,
			LocaleResolver locales) {
		this.people = people;
		this.tx = tx;
		this.clock = clock;
		this.locales = locales;
		setDefaultTargetUrl("/home");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		request.getSession().setAttribute(AbsoluteSessionTimeoutFilter.SIGNED_IN_AT, clock.instant());
		if (authentication.getPrincipal() instanceof CprUser user) {
			String chosen = tx.execute(s -> people.findById(user.personId().value()).map(p -> {
				p.loginSucceeded();
				return p.getPreferredLocale();
			}).orElse(null));
			if (chosen != null && IdentityManagementService.LANGUAGES.contains(chosen)) {
				locales.setLocale(request, response, Locale.forLanguageTag(chosen));
			}
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
