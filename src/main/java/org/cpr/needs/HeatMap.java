package org.cpr.needs;

import java.util.List;

/**
 * Stressor domains (columns) by rotation, hospital or specialty (rows) for one academic
 * year; the first row is everyone. Every figure passed the disclosure gate; a hidden cell
 * says why.
 */
public record HeatMap(int year, Dimension by, List<Integer> years, List<StressorDomain> domains, List<Row> rows) {

	public record Row(String key, String label, boolean overall, List<Cell> cells) {
	}

	/**
	 * One cell: released with its mean and n, or suppressed with the gate's message key
	 * and arguments. {@code band} is a CSS class (heat-1 … heat-4, or heat-suppressed).
	 */
	public record Cell(StressorDomain domain, boolean released, Double mean, Long respondents, String band,
			String messageKey, Object[] messageArguments) {
	}

	public boolean empty() {
		return rows.isEmpty();
	}
}
