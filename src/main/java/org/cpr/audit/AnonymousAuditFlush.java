package org.cpr.audit;

/**
 * Anonymous-channel audit entries wait, stamped only with their day, until an hourly job
 * moves them into the hash chain in random order. Operations and tests that must see them
 * in the chain now call {@link #flush()}.
 */
public interface AnonymousAuditFlush {

	/**
	 * Appends every waiting entry in one transaction (its own, or the caller's); returns
	 * how many.
	 */
	int flush();

}
