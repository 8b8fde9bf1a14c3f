package org.cpr.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * The links between campus sign-on accounts (issuer + subject) and people, for the system
 * administrator: listed, and removed when an address was reassigned or the wrong account
 * was linked (the person then links again at their next campus sign-on, by verified
 * e-mail). Whether a person may have more than one link is {@code cpr.oidc.link-policy}:
 * {@code first-only} (default: a second provider account with the same e-mail is refused
 * until the first link is removed here) or {@code several}.
 */
public interface SsoLinks {

	/** One link; {@code linkedAt} is empty for links made before it was recorded. */
	record SsoLink(UUID id, UUID personId, String displayName, String username, String issuer, String subject,
			Instant linkedAt) {
	}

	/** Every link, newest first (at most 500). */
	List<SsoLink> all();

	/** The policy in force: {@code first-only} or {@code several}. */
	String policy();

	/**
	 * Removes a link; audited ({@code SSO_UNLINKED}). False when there is no such link.
	 */
	boolean remove(UUID linkId, PersonId by);

}
