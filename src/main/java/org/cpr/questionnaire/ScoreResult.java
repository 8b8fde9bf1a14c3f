package org.cpr.questionnaire;

import java.util.List;
import java.util.Map;

/**
 * A scored response: the instrument's main score (e.g. the PHQ-9 total, the BRS mean, the
 * WHO-5 percentage; null when an instrument has only subscales), its band, the subscales,
 * and flags such as SAFETY.
 */
public record ScoreResult(Double score, String band, Map<String, Double> subscales, List<String> flags) {

	public boolean safety() {
		return flags.contains("SAFETY");
	}
}
