package org.cpr.evaluation;

/**
 * The evaluation module's API for its pages and the JSON API: reach and relative impact
 * of every intervention in an academic year, each figure released or withheld by the
 * disclosure gate for this viewer.
 */
public interface ProgramEvaluation {

	/**
	 * Participation per intervention type, overall, by trainee type and by program,
	 * against the eligible population.
	 */
	ReachTable reach(AcademicYear year, Viewer viewer);

	/**
	 * Change in validated measures among consenting participants, and against
	 * non-participants, per intervention.
	 */
	ImpactTable impact(AcademicYear year, Viewer viewer);

}
