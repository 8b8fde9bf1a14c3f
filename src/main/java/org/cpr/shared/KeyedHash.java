package org.cpr.shared;

/**
 * A keyed, deterministic fingerprint (HMAC) for values that must be compared later but
 * must not be recomputable by someone who reads the database: idempotency keys and
 * payload fingerprints of anonymous submissions. The key comes from outside the database
 * (like {@link SecretBox}'s), so a dump or a database administrator cannot hash candidate
 * answers and join them to stored rows. {@code purpose} separates uses (a fingerprint
 * made for one purpose never equals one for another).
 */
public interface KeyedHash {

	/**
	 * Lower-case hex of HMAC-SHA256 over {@code value} under a key derived for
	 * {@code purpose}; 64 characters.
	 */
	String hex(String purpose, String value);

}
