package org.cpr.curriculum;

/** The six ACGME core competencies a topic can serve. */
public enum Competency {

	/** Patient care and procedural skills. */
	PC,
	/** Medical knowledge. */
	MK,
	/** Practice-based learning and improvement. */
	PBLI,
	/** Systems-based practice. */
	SBP,
	/** Professionalism. */
	PROF,
	/** Interpersonal and communication skills. */
	ICS

}
