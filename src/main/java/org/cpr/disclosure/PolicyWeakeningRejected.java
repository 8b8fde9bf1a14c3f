package org.cpr.disclosure;

/** Thrown when someone tries to lower a disclosure threshold (invariant I-6). */
public class PolicyWeakeningRejected extends RuntimeException {

	public PolicyWeakeningRejected(String message) {
		super(message);
	}

}
