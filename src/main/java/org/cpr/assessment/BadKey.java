package org.cpr.assessment;

/** A missing or malformed idempotency key. */
public class BadKey extends RuntimeException {

	public BadKey() {
		super("missing or malformed idempotency key");
	}

}
