package org.cpr.evaluation;

import java.util.List;
import java.util.UUID;

import org.cpr.curriculum.WellBeingRequirement;

/**
 * A program's ACGME well-being evidence pack for one academic year: for each item of the
 * Common Program Requirements VI.C, the evidence the platform holds. Every count passed
 * the disclosure gate.
 */
public record WellBeingPack(AcademicYear year, UUID program, String programName, List<Item> items) {

	public record Item(WellBeingRequirement requirement, List<Line> lines) {
	}

	/**
	 * One piece of evidence: a message key of the evaluation bundle with its arguments,
	 * and a gated count (null for a statement without a count).
	 */
	public record Line(String messageKey, List<Object> arguments, GatedCount count) {
	}

}
