package org.cpr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/**
 * HAPI FHIR is the questionnaire module's library: other modules exchange FHIR through
 * its API ({@code Scoring#toResponse}, {@code Scoring#readResponse},
 * {@code Scoring#bundle}) and never hold FHIR model types, so the dependency (and its
 * trimmed transitive jars, see pom.xml) stays in one place.
 */
class FhirConfinementTests {

	@Test
	void onlyTheQuestionnaireModuleUsesHapiFhir() {
		noClasses().that()
			.resideOutsideOfPackage("org.cpr.questionnaire..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
			.because("FHIR reading and writing belong to the questionnaire module's API")
			.check(ArchitectureTests.CLASSES);
	}

}
