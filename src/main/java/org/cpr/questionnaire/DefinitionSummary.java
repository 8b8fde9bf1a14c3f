package org.cpr.questionnaire;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * A definition with all its versions, oldest first, for the builder's list.
 * {@code shipped} instruments are validated as published and are not edited in the
 * builder.
 */
public record DefinitionSummary(String id, String title, boolean shipped, PersonId createdBy,
		List<QuestionnaireVersion> versions) {

	public QuestionnaireVersion latest() {
		return versions.get(versions.size() - 1);
	}
}
