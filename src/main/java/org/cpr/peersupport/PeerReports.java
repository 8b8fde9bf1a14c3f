package org.cpr.peersupport;

import java.time.YearMonth;
import java.util.List;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * The peer support report for a year: requests by month, profession and department, and
 * for reach-ins the share contacted within the target and the mean time to first contact.
 * Every figure passes the disclosure gate with a minimum of 11 (CMS cell-size rule). Only
 * months that ended at least a week ago are counted, so figures do not move day by day (a
 * count that rises by one the day after an adverse event would point at the person
 * involved).
 */
public interface PeerReports {

	/**
	 * Counts below this are never shown (privacy-and-safety.md §1.3: peer support, k ≥
	 * 11).
	 */
	int MIN_COUNT = 11;

	/**
	 * A figure as the viewer may see it: its value, or the message key saying why it is
	 * hidden.
	 */
	record Figure(String label, boolean shown, double value, long n, String hiddenKey, int threshold) {
		public Object[] messageArguments() {
			return new Object[] { threshold, 0 };
		}
	}

	/** The report of one year, through the months counted so far. */
	record PeerReport(int year, YearMonth throughMonth, Figure total, List<Figure> byMonth, List<Figure> byProfession,
			List<Figure> byDepartment, Figure within24h, Figure hoursToContact) {
		public boolean empty() {
			return throughMonth == null;
		}
	}

	PeerReport report(PersonId viewer, Role role, int year);

}
