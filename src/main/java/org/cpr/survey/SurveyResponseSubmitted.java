package org.cpr.survey;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.cpr.shared.PersonId;

/**
 * A response was stored. {@code personId} is present only for identified modes and is
 * always null for {@link PrivacyMode#ANONYMOUS}.
 */
public record SurveyResponseSubmitted(UUID waveId, UUID responseId, String questionnaireId, String questionnaireVersion,
		BigDecimal score, String band, List<String> flags, PrivacyMode privacyMode, PersonId personId) {

	public SurveyResponseSubmitted {
		if (privacyMode == PrivacyMode.ANONYMOUS && personId != null) {
			throw new IllegalArgumentException("anonymous responses carry no person");
		}
		flags = flags == null ? List.of() : List.copyOf(flags);
	}
}
