package org.cpr.cqi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the register did over a period, for the annual evaluation report: which items were
 * opened and which resolved (implemented or closed), and the published "you said, we did"
 * entries. Register items describe problems, never reporters; the report passes the
 * counts through the disclosure gate.
 */
public interface CqiYearFigures {

	/** Items opened and resolved on days {@code from} to {@code toExclusive}. */
	Figures figures(LocalDate from, LocalDate toExclusive);

	/**
	 * Speak-up reports submitted on days {@code from} to {@code toExclusive} and already
	 * out of the anonymity pool, per channel (counts only).
	 */
	SpeakUpReports speakUpReports(LocalDate from, LocalDate toExclusive);

	/** Reports of the mistreatment channel and of the systemic-problem channel. */
	record SpeakUpReports(long mistreatment, long systemic) {
	}

	/**
	 * @param opened items created in the period (the oldest first)
	 * @param resolved ids of items implemented or closed in the period
	 * @param youSaidWeDid published board entries last updated in the period
	 */
	record Figures(List<Item> opened, List<UUID> resolved, List<YouSaidWeDid> youSaidWeDid) {
	}

	/** One register item as the report lists it. */
	record Item(UUID id, String title, CqiCategory category, CqiStatus status) {
	}

	/** One published "you said, we did" entry. */
	record YouSaidWeDid(CqiCategory category, String youSaid, String weDid, LocalDate updatedOn) {
	}

}
