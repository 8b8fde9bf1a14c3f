package org.cpr.safety.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns the refusal to run prod without an alert channel into Boot's short start-up
 * failure report.
 */
class NoAlertChannelAnalyzer extends AbstractFailureAnalyzer<NoAlertChannelException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoAlertChannelException cause) {
		return new FailureAnalysis(NoAlertChannelException.REASON,
				"Start with CPR_SAFETY_MAILBOX (cpr.safety.mailbox) set, or insert the on-call clinicians into safety_oncall"
						+ " (position 1 answers first) and start again.",
				cause);
	}

}
