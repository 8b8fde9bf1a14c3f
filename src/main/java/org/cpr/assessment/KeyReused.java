package org.cpr.assessment;

/** The same idempotency key was used with different answers. */
public class KeyReused extends RuntimeException {

	public KeyReused() {
		super("idempotency key reused with different answers");
	}

}
