package org.cpr.identity.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Resets the failure counter after a successful sign-in. */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final PersonRepository people;

	private final TransactionTemplate tx;

	private final java.time.Clock clock;

	LoginSuccessHandler(PersonRepository people, TransactionTemplate tx, java.time.Clock clock) {
		this.people = people;
		this.tx = tx;
		this.clock = clock;
		setDefaultTargetUrl("/home");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		request.getSession().setAttribute(AbsoluteSessionTimeoutFilter.SIGNED_IN_AT, clock.instant());
		if (authentication.getPrincipal() instanceof CprUser user) {
			tx.executeWithoutResult(s -> people.findById(user.personId().value()).ifPresent(Person::loginSucceeded));
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
