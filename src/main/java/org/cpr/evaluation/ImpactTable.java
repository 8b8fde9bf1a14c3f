package org.cpr.evaluation;

import java.util.List;

/**
 * Relative impact of every intervention with identified participants in one academic
 * year: one row per intervention and instrument, in the instruments' order.
 *
 * @param consenting true when at least one person's consent is on record (else the page
 * explains why it is empty)
 * @param courses each offering's own measures (its pre/post questionnaire and session
 * ratings) from the survey engine's released wave figures, by offering title
 */
public record ImpactTable(AcademicYear year, List<ImpactRow> rows, boolean consenting, List<CourseOutcomeRow> courses) {

	public ImpactTable {
		rows = List.copyOf(rows);
		courses = courses == null ? List.of() : List.copyOf(courses);
	}

	public ImpactTable(AcademicYear year, List<ImpactRow> rows, boolean consenting) {
		this(year, rows, consenting, List.of());
	}

	public List<ImpactRow> rowsFor(OutcomeInstrument instrument) {
		return rows.stream().filter(r -> r.instrument().equals(instrument)).toList();
	}
}
