package org.cpr.shared;

/**
 * Declared (as a bean) by every module that keeps {@link SecretBox} values in its tables:
 * after a key rotation the platform's re-encryption job asks each to reseal, in batches,
 * whatever is still under a retired key, so the retired key can then be dropped from
 * {@code cpr.crypto.retired-keys}.
 */
public interface SealedValues {

	/** A short name for logs and metrics, e.g. {@code identity.totp}. */
	String name();

	/**
	 * Reseals up to {@code limit} values not yet under the primary key; returns how many
	 * it resealed (0 when nothing is left).
	 */
	int resealBatch(SecretBox box, int limit);

}
