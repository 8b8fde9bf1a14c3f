package org.cpr.safety.internal;

/**
 * Production has no way to reach a clinician about a safety alert; see
 * {@link AlertChannelGuard}.
 */
class NoAlertChannelException extends IllegalStateException {

	static final String REASON = "The prod profile needs a way to reach a clinician about safety alerts: put at least one"
			+ " resilience clinician on the on-call rota (table safety_oncall) or set cpr.safety.mailbox to a monitored mailbox.";

	NoAlertChannelException() {
		super(REASON);
	}

}
