package org.cpr.needs;

import java.time.LocalDate;

/** Academic years run from 1 July to 30 June and are named by the year they start in. */
public final class AcademicYear {

	private AcademicYear() {
	}

	public static int of(LocalDate day) {
		return day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1;
	}

	/** "2026–27". */
	public static String label(int year) {
		return year + "–" + String.format("%02d", (year + 1) % 100);
	}

}
