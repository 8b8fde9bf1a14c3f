package org.cpr.evaluation;

/**
 * A standardized effect with Hedges' small-sample correction and its 95 % confidence
 * interval.
 *
 * @param g Hedges' g (positive: scores went up)
 * @param standardError standard error of g
 * @param lower lower bound of the 95 % confidence interval
 * @param upper upper bound of the 95 % confidence interval
 */
public record Effect(double g, double standardError, double lower, double upper) {

	/** True when the interval excludes zero. */
	public boolean excludesZero() {
		return lower > 0 || upper < 0;
	}
}
