package org.cpr.assessment;

/**
 * What a person chose when an answer needs a clinician: keep it private, or ask to be
 * contacted.
 */
public enum ContactChoice {

	PRIVATE, CONTACT

}
