package org.cpr.identity;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.shared.PersonId;

/**
 * Single-use, expiring sign-in links, e.g. in a survey invitation: following one signs
 * the person in without a password (and without an Argon2id hash on the server) and lands
 * on the link's target. Only a SHA-256 of the token is stored; issue, use and every
 * refusal are audited. Accounts that need two-step sign-in cannot use them.
 */
public interface SignInLinks {

	/**
	 * A new link for {@code person} to {@code target} (a path on this site, e.g.
	 * {@code /surveys/waves/…}), valid until {@code expiresAt}; returns the path to put
	 * in the message, {@code /login/link?token=…}. The token is in nothing else that is
	 * returned, stored or logged.
	 */
	String issue(PersonId person, String target, Instant expiresAt, String purpose);

	/** What opening the link would do now, without spending it. */
	State check(String token);

	/**
	 * Spends the link and signs its holder into this session (a new session id), or says
	 * why not.
	 */
	State redeem(String token, HttpServletRequest request, HttpServletResponse response);

	/**
	 * The state of a link: {@code VALID} (with its holder and target), or why it is
	 * refused.
	 */
	record State(Kind kind, PersonId person, String target) {

		public boolean valid() {
			return kind == Kind.VALID;
		}

	}

	enum Kind {

		VALID, USED, EXPIRED, UNKNOWN, PASSWORD_REQUIRED

	}

}
