package org.cpr.needs;

/** Where a rotation's work happens: the coarse setting the catalogue records. */
public enum Setting {

	INPATIENT, ICU, ED, CLINIC, NIGHTS, OPERATING_ROOM, CONSULT, OTHER

}
