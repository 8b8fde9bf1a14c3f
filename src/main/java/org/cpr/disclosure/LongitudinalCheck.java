package org.cpr.disclosure;

import java.util.Set;

/**
 * Invariant I-4: the same group in two consecutive rounds must not be shown for both when
 * the respondent sets differ by 1 to {@code minRespondents - 1} people (a joiner's or
 * leaver's answers would show as the difference). The sets are opaque keys the survey
 * module derives from its participation ledger (e.g. a keyed hash of the person per
 * group), never response ids.
 */
public final class LongitudinalCheck {

	/** What may be shown of the two rounds. */
	public enum Outcome {

		BOTH, EARLIER_ONLY

	}

	private LongitudinalCheck() {
	}

	public static Outcome compare(Set<String> earlierRound, Set<String> laterRound, DisclosurePolicy policy) {
		long difference = earlierRound.stream().filter(p -> !laterRound.contains(p)).count()
				+ laterRound.stream().filter(p -> !earlierRound.contains(p)).count();
		return difference == 0 || difference >= policy.minRespondents() ? Outcome.BOTH : Outcome.EARLIER_ONLY;
	}

}
