package org.cpr.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One instrument's result. A screener whose follow-up was asked is {@code superseded}.
 */
public record InstrumentResult(String instrumentId, UUID versionId, Double score, String band, List<String> flags,
		Map<String, Object> answers, boolean superseded) {

	public boolean safety() {
		return flags.contains("SAFETY");
	}
}
