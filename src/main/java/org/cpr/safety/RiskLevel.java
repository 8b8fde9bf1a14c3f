package org.cpr.safety;

/** The clinician's assessed risk, recorded with the disposition. */
public enum RiskLevel {

	NONE, LOW, MODERATE, HIGH, NOT_ASSESSED

}
