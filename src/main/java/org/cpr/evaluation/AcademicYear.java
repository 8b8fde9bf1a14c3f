package org.cpr.evaluation;

import java.time.Clock;
import java.time.LocalDate;

/** An academic year, 1 July to 30 June, named by the calendar year it starts in. */
public record AcademicYear(int startYear) {

	public AcademicYear {
		if (startYear < 2000 || startYear > 2200) {
			throw new IllegalArgumentException("academic year out of range");
		}
	}

	public static AcademicYear containing(LocalDate day) {
		return new AcademicYear(day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1);
	}

	public static AcademicYear current(Clock clock) {
		return containing(LocalDate.now(clock));
	}

	/**
	 * The year asked for, or the current one when {@code requested} is missing or out of
	 * range.
	 */
	public static AcademicYear orCurrent(Integer requested, Clock clock) {
		return requested == null || requested < 2000 || requested > 2200 ? current(clock) : new AcademicYear(requested);
	}

	public LocalDate from() {
		return LocalDate.of(startYear, 7, 1);
	}

	public LocalDate toExclusive() {
		return LocalDate.of(startYear + 1, 7, 1);
	}

	public AcademicYear previous() {
		return new AcademicYear(startYear - 1);
	}

	public AcademicYear next() {
		return new AcademicYear(startYear + 1);
	}

	/** "2025–26". */
	public String label() {
		return startYear + "–" + String.format("%02d", (startYear + 1) % 100);
	}
}
