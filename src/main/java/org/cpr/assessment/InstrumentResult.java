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

	/**
	 * The score as a person reads it: a whole number without decimals (12, not 12.00),
	 * otherwise at most two decimals (3.17, 3.5); a dash when the instrument has no
	 * score.
	 */
	public String scoreText() {
		return text(score);
	}

	public static String text(Double score) {
		if (score == null) {
			return "—";
		}
		return java.math.BigDecimal.valueOf(score)
			.setScale(2, java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}
}
