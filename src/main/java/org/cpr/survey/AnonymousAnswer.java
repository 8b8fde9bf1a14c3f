package org.cpr.survey;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One readable anonymous answer as the module that sent its campaign may read it: the
 * batch-wide day, the coarse attributes stored with it and the canonical answers JSON.
 * Carries no person.
 */
public record AnonymousAnswer(UUID responseId, UUID waveId, LocalDate day, String hospital, String rotation,
		String answersJson) {
}
