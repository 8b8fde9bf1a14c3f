package org.cpr.identity;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Lets tests in other packages check which registration the sign-on link names. */
public final class LoginControllerAccess {

	private LoginControllerAccess() {
	}

	public static String ssoPath(String wanted, ClientRegistrationRepository registrations) {
		return LoginController.ssoPath(wanted, registrations);
	}

}
