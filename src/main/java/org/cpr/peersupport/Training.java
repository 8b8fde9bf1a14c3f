package org.cpr.peersupport;

import java.time.LocalDate;

/**
 * A completed peer support training course.
 *
 * @param refresherDue after this day the supporter is no longer proposed until a
 * refresher is recorded
 */
public record Training(String course, LocalDate completedOn, LocalDate refresherDue) {

	/** Whether this training still counts on {@code day}. */
	public boolean currentOn(LocalDate day) {
		return !day.isAfter(refresherDue);
	}
}
