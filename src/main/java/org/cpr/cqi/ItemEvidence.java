package org.cpr.cqi;

import java.util.List;
import java.util.UUID;

/**
 * The evidence behind a register item as one viewer may see it: report counts through the
 * disclosure gate, released quotes (undated, shuffled, only for groups large enough), and
 * — for CQI reviewers only — the quotes still waiting to be released.
 */
record ItemEvidence(List<CountLine> counts, SpeakUpCounts.QuoteRelease quotes, List<DraftQuote> drafts) {

	public record CountLine(String hospitalName, CqiCategory category, Quarter quarter, GatedCount count) {
	}

	public record DraftQuote(UUID id, String text) {
	}

	public boolean isEmpty() {
		return counts.isEmpty() && quotes.shown().isEmpty() && !quotes.withheld() && drafts.isEmpty();
	}
}
