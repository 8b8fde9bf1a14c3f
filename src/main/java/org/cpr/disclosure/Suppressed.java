package org.cpr.disclosure;

/**
 * A hidden cell. Says why in words, never the real count: "fewer than {@code threshold}
 * responses" only when the group really is that small; a cell withheld to prevent
 * differencing says so, and "shown again when N more have answered" when waiting will
 * release it.
 *
 * @param threshold the policy threshold behind the rule (the N in "fewer than N")
 * @param rolledUpTo the nearest released ancestor cell whose figure includes this group,
 * or null
 * @param moreNeeded for {@link SuppressionReason#PROTECTS_ANOTHER_GROUP}: how many more
 * respondents release the cell, or 0 when more answers alone would not (never a real
 * count below the threshold: it is the threshold minus the newcomers since the last
 * release)
 */
public record Suppressed(String cellKey, SuppressionReason reason, int threshold, String rolledUpTo,
		int moreNeeded) implements CellResult {

	public Suppressed(String cellKey, SuppressionReason reason, int threshold, String rolledUpTo) {
		this(cellKey, reason, threshold, rolledUpTo, 0);
	}

	@Override
	public boolean released() {
		return false;
	}

	public String messageKey() {
		if (reason == SuppressionReason.PROTECTS_ANOTHER_GROUP && moreNeeded > 0) {
			return reason.messageKey() + ".wait";
		}
		if (reason == SuppressionReason.TOO_MANY_FILTERS && threshold == 0) {
			return reason.messageKey() + ".none";
		}
		return reason.messageKey();
	}

	/**
	 * Arguments for the message: the threshold, then how many more answers are needed.
	 */
	public Object[] messageArguments() {
		return new Object[] { threshold, moreNeeded };
	}

	Suppressed rolledUpTo(String ancestor) {
		return new Suppressed(cellKey, reason, threshold, ancestor, moreNeeded);
	}
}
