package org.cpr.identity;

import java.util.List;
import java.util.Optional;

/**
 * The first-run path of a production installation. On an empty database nobody can sign
 * in (roster import needs a system administrator), so a node that starts without any
 * active system administrator prints one expiring set-up link to its log; whoever opens
 * it creates the first system administrator and the institution's root org unit. The link
 * works once, and never once an administrator exists.
 */
public interface FirstAdministrator {

	/**
	 * Whether the set-up page can be used at all: no active system administrator exists
	 * yet.
	 */
	boolean needed();

	/**
	 * Whether {@code token} is the live (unused, unexpired) set-up secret; false whenever
	 * an administrator exists.
	 */
	boolean valid(String token);

	/**
	 * Creates the first system administrator with a password and the root org unit,
	 * consuming the link.
	 * @return message keys of what is wrong (password policy, taken names, link no longer
	 * valid); empty when created
	 */
	List<String> create(String token, FirstAdmin details);

	/**
	 * Issues a new set-up link when none is live and no administrator exists; returns the
	 * secret to print.
	 */
	Optional<String> issue();

	/** What the set-up page asks for. */
	record FirstAdmin(String institutionCode, String institutionName, String username, String email, String displayName,
			String password) {
	}

}
