package org.cpr.survey;

import java.util.UUID;

/**
 * The change of a campaign's main score between two of its waves (a pre/post measure),
 * shown only when both waves' overall figures passed the disclosure gate: a mean for a
 * scored questionnaire, the percentage of positive screens for a health screen
 * ({@code screen}). When either is withheld, {@code suppressedMessageKey} says why and no
 * figure of either wave is given.
 */
public record ScoreChange(UUID beforeWave, UUID afterWave, boolean screen, Long beforeRespondents, Double before,
		Long afterRespondents, Double after, String suppressedMessageKey, Object[] messageArguments) {

	public boolean released() {
		return suppressedMessageKey == null;
	}

	/** After minus before, or null when withheld. */
	public Double difference() {
		return released() ? after - before : null;
	}

	public static ScoreChange withheld(UUID beforeWave, UUID afterWave, String key, Object... args) {
		return new ScoreChange(beforeWave, afterWave, false, null, null, null, null, key, args);
	}
}
