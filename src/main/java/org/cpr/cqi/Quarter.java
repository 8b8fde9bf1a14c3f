package org.cpr.cqi;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, the period CQI counts are reported for ("2026-Q1"). */
record Quarter(int year, int number) {

	private static final Pattern KEY = Pattern.compile("(\\d{4})-Q([1-4])");

	public Quarter {
		if (number < 1 || number > 4 || year < 2000 || year > 2999) {
			throw new IllegalArgumentException("not a quarter");
		}
	}

	public static Quarter of(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * Parses "2026-Q1"; anything else is empty (a tampered parameter is not an error
	 * page).
	 */
	public static Optional<Quarter> parse(String key) {
		if (key == null) {
			return Optional.empty();
		}
		Matcher m = KEY.matcher(key.strip());
		return m.matches() ? Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
				: Optional.empty();
	}

	public LocalDate start() {
		return LocalDate.of(year, (number - 1) * 3 + 1, 1);
	}

	/** The first day after the quarter. */
	public LocalDate end() {
		return start().plusMonths(3);
	}

	public Quarter previous() {
		return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
	}

	public String key() {
		return year + "-Q" + number;
	}

	public String label() {
		return year + " Q" + number;
	}
}
