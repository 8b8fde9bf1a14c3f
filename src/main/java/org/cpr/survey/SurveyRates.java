package org.cpr.survey;

import java.time.LocalDate;
import java.util.List;

/**
 * Response rates of the survey campaigns about one hospital (e.g. its CQI end-of-rotation
 * feedback), for leadership reports. A group invited smaller than the campaign's
 * threshold shows "fewer than N" instead of numbers; the number who answered goes through
 * the disclosure gate, so it is never 1–4 and never differs from an earlier release by
 * 1–4.
 */
public interface SurveyRates {

	/**
	 * @param invited the number invited, or the suppression text
	 * @param answered the number who answered, or the suppression text
	 */
	record WaveRate(String campaign, String wave, LocalDate opensOn, LocalDate closesOn, String invited,
			String answered) {
	}

	/**
	 * Waves that have opened, newest first, of launched campaigns about the hospital with
	 * this org-unit code.
	 */
	List<WaveRate> forHospital(String hospitalCode, int limit);

}
