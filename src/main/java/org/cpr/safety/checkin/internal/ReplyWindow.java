package org.cpr.safety.checkin.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The counselor's service window for a check-in: a personal reply within 24–48 business
 * hours (the AFSP ISP benchmark), shown as "reply by" the end of the second business day
 * after the day of the check-in. Weekends do not count; holidays are left to the rota.
 */
final class ReplyWindow {

	public static final int BUSINESS_DAYS = 2;

	private ReplyWindow() {
	}

	public static LocalDate replyBy(LocalDate submittedOn) {
		LocalDate day = submittedOn;
		int counted = 0;
		while (counted < BUSINESS_DAYS) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				counted++;
			}
		}
		return day;
	}

}
