package org.cpr.shared;

/**
 * Where modules record access to sensitive records and security-relevant actions. The
 * audit module implements it with an append-only, hash-chained log written in the
 * caller's transaction.
 */
public interface AuditPort {

	void record(AuditEntry entry);

	/**
	 * An entry whose timing would reveal when someone used an anonymous channel (e.g. an
	 * alert raised from an anonymous check-in): it is kept with the day only and joins
	 * the chain later, in a shuffled batch (I-8). Commits or rolls back with the caller's
	 * transaction like {@link #record}.
	 */
	default void recordAnonymousChannel(AuditEntry entry) {
		record(entry);
	}

}
