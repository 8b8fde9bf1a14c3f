package org.cpr.cqi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a leadership meeting needs about the register: open items by category and age,
 * decisions taken, how long resolution takes, and what is overdue. Counts of register
 * items, not of people.
 *
 * @param generatedOn the day the report was made
 * @param openByCategory open items per category (every category present, zero included)
 * @param openByAge open items per age bucket: "0-30", "31-90", "91-180", "181+" days
 * @param decisions presentations with a decision, newest first
 * @param closedCount items closed
 * @param medianDaysToClose median days from identified to closed; null when nothing is
 * closed
 * @param overdue open items past their due date
 */
record CqiReportData(LocalDate generatedOn, Map<CqiCategory, Integer> openByCategory, Map<String, Integer> openByAge,
		List<DecisionLine> decisions, int closedCount, Integer medianDaysToClose, List<OverdueLine> overdue) {

	public record DecisionLine(String itemTitle, LocalDate presentedOn, PresentationAudience audience,
			Decision decision) {
	}

	public record OverdueLine(java.util.UUID itemId, String itemTitle, CqiCategory category, LocalDate dueOn,
			CqiStatus status) {
	}

	public int openTotal() {
		return openByCategory.values().stream().mapToInt(Integer::intValue).sum();
	}
}
