package org.cpr.peersupport;

/**
 * What happened, and nothing more: the reach-in records the kind of event and its date
 * only.
 */
public enum EventType {

	SERIOUS_ADVERSE_EVENT, PATIENT_DEATH, LAWSUIT, VIOLENT_INCIDENT

}
