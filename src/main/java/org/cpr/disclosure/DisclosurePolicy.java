package org.cpr.disclosure;

/**
 * The thresholds one survey round is released under. Defaults follow
 * privacy-and-safety.md §1.3; they can only be made stricter ({@link #strengthen}), never
 * lowered, and a round's policy is fixed when it launches (see
 * {@link ReleaseLedger#fixPolicy}).
 *
 * @param minRespondents no statistic for fewer respondents than this (default 5)
 * @param minComments no free-text comments for a group smaller than this (default 10)
 * @param minPositiveCount a positive-screen count is shown only when 0 or at least this
 * (default 11)
 */
public record DisclosurePolicy(int minRespondents, int minComments, int minPositiveCount) {

	public static final int DEFAULT_MIN_RESPONDENTS = 5;

	public static final int DEFAULT_MIN_COMMENTS = 10;

	public static final int DEFAULT_MIN_POSITIVE_COUNT = 11;

	/** Rejects any threshold below the platform defaults. */
	public DisclosurePolicy {
		if (minRespondents < DEFAULT_MIN_RESPONDENTS || minComments < DEFAULT_MIN_COMMENTS
				|| minPositiveCount < DEFAULT_MIN_POSITIVE_COUNT) {
			throw new PolicyWeakeningRejected("thresholds may not be lowered below the platform defaults");
		}
	}

	public static DisclosurePolicy defaults() {
		return new DisclosurePolicy(DEFAULT_MIN_RESPONDENTS, DEFAULT_MIN_COMMENTS, DEFAULT_MIN_POSITIVE_COUNT);
	}

	/** A stricter copy; each argument must be at least the current value. */
	public DisclosurePolicy strengthen(int respondents, int comments, int positiveCount) {
		if (respondents < minRespondents || comments < minComments || positiveCount < minPositiveCount) {
			throw new PolicyWeakeningRejected("a disclosure policy can only be strengthened");
		}
		return new DisclosurePolicy(respondents, comments, positiveCount);
	}

	/** True when every threshold of this policy is at least that of {@code other}. */
	public boolean isAtLeastAsStrictAs(DisclosurePolicy other) {
		return minRespondents >= other.minRespondents && minComments >= other.minComments
				&& minPositiveCount >= other.minPositiveCount;
	}

	/** The threshold that applies to a cell of the given measure type. */
	public int thresholdFor(MeasureType type) {
		return type == MeasureType.COMMENTS ? minComments : minRespondents;
	}
}
