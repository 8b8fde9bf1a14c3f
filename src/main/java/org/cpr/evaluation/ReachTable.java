package org.cpr.evaluation;

import java.util.List;

/**
 * Reach of every intervention in one academic year, each figure released or withheld by
 * the gate. {@code unmeasured} lists the intervention types no module reports yet (shown
 * as such, not as zero).
 */
public record ReachTable(AcademicYear year, List<ReachRow> rows, List<InterventionType> unmeasured) {

	public ReachTable {
		rows = List.copyOf(rows);
		unmeasured = List.copyOf(unmeasured);
	}

	public List<ReachRow> rows(ReachRow.Dimension dimension) {
		return rows.stream().filter(r -> r.dimension() == dimension).toList();
	}

	/** The rows of everyone (one per intervention): the annual report's summary. */
	public List<ReachRow> overall() {
		return rows(ReachRow.Dimension.ALL);
	}

	public List<ReachRow> rowsOf(InterventionType type) {
		return rows.stream().filter(r -> r.type() == type).toList();
	}
}
