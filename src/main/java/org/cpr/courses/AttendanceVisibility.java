package org.cpr.courses;

/** Who may see who attended. */
public enum AttendanceVisibility {

	/** Curriculum didactics: the person's program sees who attended. */
	REPORTED_TO_PROGRAM,
	/**
	 * Support-oriented offerings: only the person and the facilitators see names; the
	 * program sees gated counts.
	 */
	CONFIDENTIAL

}
