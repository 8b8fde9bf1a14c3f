package org.cpr.shared;

/**
 * Application-level authenticated encryption (AEAD) for sensitive values kept in the
 * database: TOTP secrets, case notes, doorbell e-mail addresses. The key comes from
 * outside the database, so a dump holds ciphertext only. {@code context} binds a
 * ciphertext to its use (e.g. "totp:" + person id) so it cannot be copied into another
 * row.
 */
public interface SecretBox {

	String seal(String plaintext, String context);

	String open(String sealed, String context);

	/**
	 * Whether {@code sealed} is already under the current primary key; false for values a
	 * key rotation left under a retired key, which their module's re-encryption job
	 * reseals ({@link SealedValues}).
	 */
	default boolean sealedWithPrimary(String sealed) {
		return true;
	}

	/**
	 * {@code sealed} opened and sealed again under the primary key, in the same context.
	 */
	default String reseal(String sealed, String context) {
		return seal(open(sealed, context), context);
	}

}
