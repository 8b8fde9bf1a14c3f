package org.cpr.evaluation;

import java.util.List;

/**
 * A validated instrument whose change evaluation reports, and which way is better.
 *
 * @param id the questionnaire's instrument id
 * @param higherIsBetter true for well-being and resilience scales, false for burnout and
 * symptom scales
 */
public record OutcomeInstrument(String id, boolean higherIsBetter) {

	/**
	 * WHO-5 well-being, Brief Resilience Scale, and the single-item burnout measure of
	 * the Snapshot battery.
	 */
	public static final List<OutcomeInstrument> SNAPSHOT = List.of(new OutcomeInstrument("who-5", true),
			new OutcomeInstrument("brs", true), new OutcomeInstrument("burnout-single-item", false));

	/** Message key of the instrument's name. */
	public String messageKey() {
		return "evaluation.instrument." + id;
	}
}
