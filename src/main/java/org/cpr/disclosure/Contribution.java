package org.cpr.disclosure;

import java.util.Objects;

/**
 * What one unit contributes to a cell. A unit is either one respondent (an opaque random
 * response id, never a person id; {@code count = 1}) or, for large rounds, one
 * pre-aggregated base cell of the data cube (e.g. {@code "pgy=2|site=A|gender=F|track=R"}
 * with its count, sum, sum of squares and positives). The same unit key must always carry
 * the same numbers within a round: the gate reasons about units, not about the cells that
 * contain them.
 *
 * @param unit stable opaque key of the respondent or base cell
 * @param count respondents in the unit (≥ 1)
 * @param sum sum of the numeric values (NUMERIC)
 * @param sumOfSquares sum of squared values (NUMERIC)
 * @param positives respondents who screened positive (POSITIVE_SCREEN)
 * @param comment the free text (COMMENTS, respondent units only), else null
 */
public record Contribution(String unit, long count, double sum, double sumOfSquares, long positives, String comment) {

	public Contribution {
		Objects.requireNonNull(unit, "unit");
		if (count < 1 || positives < 0 || positives > count) {
			throw new IllegalArgumentException("invalid contribution counts");
		}
	}

	public static Contribution value(String respondent, double value) {
		return new Contribution(respondent, 1, value, value * value, 0, null);
	}

	public static Contribution screen(String respondent, boolean positive) {
		return new Contribution(respondent, 1, positive ? 1 : 0, positive ? 1 : 0, positive ? 1 : 0, null);
	}

	public static Contribution comment(String respondent, String text) {
		return new Contribution(respondent, 1, 0, 0, 0, Objects.requireNonNull(text, "text"));
	}

	/** A pre-aggregated base cell of a large round. */
	public static Contribution aggregate(String baseCell, long count, double sum, double sumOfSquares, long positives) {
		return new Contribution(baseCell, count, sum, sumOfSquares, positives, null);
	}

	boolean isRespondent() {
		return count == 1;
	}
}
