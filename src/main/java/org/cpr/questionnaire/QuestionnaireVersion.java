package org.cpr.questionnaire;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a questionnaire in the library; responses keep the {@code id} they
 * answered.
 */
public record QuestionnaireVersion(UUID id, String definitionId, int number, String title, boolean published,
		Instant publishedAt) {
}
