package org.cpr.peersupport;

/** The kind of peer support encounter. */
public enum EncounterType {

	INDIVIDUAL, GROUP_DEBRIEF, FOLLOW_UP

}
