package org.cpr.shared;

/** Spreadsheet-safe CSV cells for every export (OWASP CSV injection). */
public final class CsvCells {

	private CsvCells() {
	}

	/**
	 * A cell a spreadsheet would evaluate as a formula (= + - @ tab CR) gets a leading
	 * apostrophe.
	 */
	public static String safe(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + cell : cell;
	}

}
