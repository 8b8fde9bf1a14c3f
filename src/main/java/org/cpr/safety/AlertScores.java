package org.cpr.safety;

import java.util.List;
import java.util.Locale;

/**
 * Implemented by a module that raises alerts from scored answers, so the clinician's
 * alert page can show the scores behind an alert (as the check-in view does) without the
 * safety module reading that module's tables: the scores of the record an alert came
 * from, by the alert's source.
 */
public interface AlertScores {

	/**
	 * One instrument's result: its name, the score as a person reads it, the band in
	 * words, and whether it raised the alert.
	 */
	record Line(String instrument, String score, String band, boolean raised) {
	}

	/** The scores of {@code sourceId}, empty when the source is not this module's. */
	List<Line> scores(String sourceType, String sourceId, Locale locale);

}
