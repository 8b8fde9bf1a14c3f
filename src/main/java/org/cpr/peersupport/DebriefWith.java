package org.cpr.peersupport;

/** With whom a peer supporter has their own debrief. */
public enum DebriefWith {

	RESILIENCE_CLINICIAN, COORDINATOR

}
