package org.cpr.identity;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * Enrols and checks the second factor (TOTP, or a one-time recovery code). Guesses are
 * limited per account, each refusal is audited (never the code), and a TOTP code is
 * accepted once.
 */
public interface MfaEnrolment {

	/** What a second-factor check found. */
	enum Check {

		PASSED, WRONG, REPLAYED, LOCKED

	}

	boolean isEnrolled(PersonId person);

	/** A new TOTP secret for an enrolment in progress. */
	String newSecret();

	/** The enrolment QR code for {@code secret} as a PNG data URI. */
	String qrCode(String secret, String account);

	/**
	 * Confirms enrolment with a first code; returns the fresh recovery codes, or empty if
	 * the code is wrong.
	 */
	List<String> confirm(PersonId person, String pendingSecret, String code);

	/** Checks a TOTP code, or else a one-time recovery code (used up by this call). */
	boolean verify(PersonId person, String code);

	/**
	 * Checks a TOTP code, or else a one-time recovery code (used up by this call), and
	 * says why it failed.
	 */
	Check check(PersonId person, String code);

}
