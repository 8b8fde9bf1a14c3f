package org.cpr.evaluation;

/**
 * A count that passed the disclosure gate, or the reason it was withheld (a message key
 * of the disclosure bundle with its threshold). Never carries the real value of a
 * withheld count.
 */
public record GatedCount(Long value, String messageKey, int threshold, int moreNeeded) {

	public static GatedCount released(long value) {
		return new GatedCount(value, null, 0, 0);
	}

	public static GatedCount withheld(String messageKey, int threshold, int moreNeeded) {
		return new GatedCount(null, messageKey, threshold, moreNeeded);
	}

	public boolean shown() {
		return value != null;
	}
}
