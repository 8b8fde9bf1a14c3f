package org.cpr.survey;

/**
 * Privacy modes in increasing strength; a launched campaign may never move to a weaker
 * one.
 */
public enum PrivacyMode {

	PRIVATE_IDENTIFIED, CONFIDENTIAL, ANONYMOUS;

	public boolean isWeakerThan(PrivacyMode other) {
		return ordinal() < other.ordinal();
	}

	public boolean identified() {
		return this != ANONYMOUS;
	}

}
