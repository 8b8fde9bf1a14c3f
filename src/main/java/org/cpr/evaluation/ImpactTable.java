package org.cpr.evaluation;

import java.util.List;

/**
 * Relative impact of every intervention with identified participants in one academic
 * year: one row per intervention and instrument, in the instruments' order.
 *
 * @param consenting true when at least one person's consent is on record (else the page
 * explains why it is empty)
 */
public record ImpactTable(AcademicYear year, List<ImpactRow> rows, boolean consenting) {

	public ImpactTable {
		rows = List.copyOf(rows);
	}

	public List<ImpactRow> rowsFor(OutcomeInstrument instrument) {
		return rows.stream().filter(r -> r.instrument().equals(instrument)).toList();
	}
}
