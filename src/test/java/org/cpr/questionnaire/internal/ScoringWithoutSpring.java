package org.cpr.questionnaire.internal;

import org.cpr.questionnaire.FhirSupport;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.Scoring;

/** The module's scoring over a given library, for tests that run without Spring. */
public final class ScoringWithoutSpring {

	private ScoringWithoutSpring() {
	}

	public static Scoring over(QuestionnaireLibrary library, FhirSupport fhir) {
		return new FhirScoring(library, fhir);
	}

}
