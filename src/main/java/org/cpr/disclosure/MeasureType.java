package org.cpr.disclosure;

/**
 * What a cell reports; decides which statistic the gate computes and which rules apply.
 */
public enum MeasureType {

	/**
	 * A numeric item or score: mean, standard deviation, distribution (minimum
	 * respondents).
	 */
	NUMERIC,
	/** A count of positive screens (e.g. PHQ-9 ≥ 10): 0 or ≥ 11, never 100 % positive. */
	POSITIVE_SCREEN,
	/**
	 * Free-text comments: groups of 10 or more, shuffled, undated, no second attribute.
	 */
	COMMENTS

}
