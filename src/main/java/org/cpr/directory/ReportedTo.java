package org.cpr.directory;

/** Who may learn that someone used a "reported" service. */
public enum ReportedTo {

	PROGRAM_DIRECTOR, LICENSING_BOARD, EMPLOYER, SCHOOL

}
