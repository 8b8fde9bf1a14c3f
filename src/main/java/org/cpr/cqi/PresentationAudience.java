package org.cpr.cqi;

/** Who an item was presented to. */
public enum PresentationAudience {

	PROGRAM_DIRECTORS, ADMINISTRATION, HOSPITAL_MANAGEMENT, GME_COMMITTEE, OTHER

}
