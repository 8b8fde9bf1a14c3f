package org.cpr.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns the refusal to run prod on H2 into Boot's short start-up failure report, without
 * a stack trace.
 */
class EmbeddedDatabaseInProductionAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseInProductionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseInProductionException cause) {
		return new FailureAnalysis(EmbeddedDatabaseInProductionException.REASON,
				"Start with CPR_DB_URL, CPR_DB_USER and CPR_DB_PASSWORD set, or drop --spring.profiles.active=prod for the demo.",
				cause);
	}

}
