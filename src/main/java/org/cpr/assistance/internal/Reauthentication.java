package org.cpr.assistance.internal;

import org.cpr.identity.MfaEnrolment;
import org.cpr.shared.PersonId;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Asks a signed-in clinician to prove again who they are before a break-the-glass: their
 * password (checked against the stored hash, as at sign-in) and, when they are enrolled,
 * a fresh TOTP code (which counts against the account's guess limit like any
 * second-factor check).
 */
@Component
class Reauthentication {

	private final UserDetailsService users;

	private final PasswordEncoder encoder;

	private final MfaEnrolment mfa;

	Reauthentication(UserDetailsService users, PasswordEncoder encoder, MfaEnrolment mfa) {
		this.users = users;
		this.encoder = encoder;
		this.mfa = mfa;
	}

	public boolean confirm(PersonId person, String username, String password, String code) {
		if (password == null || password.isEmpty()) {
			return false;
		}
		UserDetails user;
		try {
			user = users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException e) {
			return false;
		}
		if (user.getPassword() == null || !user.isEnabled() || !user.isAccountNonLocked()
				|| !encoder.matches(password, user.getPassword())) {
			return false;
		}
		return !mfa.isEnrolled(person)
				|| (code != null && mfa.check(person, code.strip()) == MfaEnrolment.Check.PASSED);
	}

}
