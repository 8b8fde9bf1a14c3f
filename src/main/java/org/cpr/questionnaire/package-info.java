/**
 * Questionnaires as HL7 FHIR R4 {@code Questionnaire} resources in a versioned library,
 * answer validation, and declarative scoring (sum, mean, count of yes, reverse items,
 * linear transforms, subscales, gate items, bands, critical-item flags) attached to each
 * definition as data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questionnaires",
		allowedDependencies = { "shared", "identity" })
package org.cpr.questionnaire;
