package org.cpr.identity;

import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;

/** A signed-in person's own account: password and personal access tokens. */
public interface Accounts {

	/** The outcome of a password change: empty when done, else message keys per field. */
	record PasswordProblems(List<String> current, List<String> replacement, List<String> confirmation) {
		public boolean none() {
			return current.isEmpty() && replacement.isEmpty() && confirmation.isEmpty();
		}
	}

	PasswordProblems changePassword(PersonId who, String current, String replacement, String confirmation);

	/** The person's tokens, newest first. */
	List<AccessTokenSummary> tokensOf(PersonId who);

	IssuedToken createToken(PersonId who, String name, int days);

	boolean revokeToken(PersonId who, UUID tokenId);

}
