package org.cpr.groups.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.PersonId;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipped mentoring group feedback questionnaire
 * ({@code groups/group-feedback.json}), imported on first use.
 */
@Component
class FeedbackQuestionnaire {

	public static final String ID = "group-feedback";

	private final QuestionnaireLibrary library;

	FeedbackQuestionnaire(QuestionnaireLibrary library) {
		this.library = library;
	}

	/**
	 * The newest published version, importing the shipped one if the library has none.
	 */
	public synchronized QuestionnaireVersion ensure(PersonId by) {
		return library.latestPublished(ID).orElseGet(() -> {
			try (InputStream in = new ClassPathResource("groups/group-feedback.json").getInputStream()) {
				return library.importFhir(new String(in.readAllBytes(), StandardCharsets.UTF_8), true, true, by);
			}
			catch (IOException e) {
				throw new IllegalStateException("the group feedback questionnaire is missing from the build", e);
			}
		});
	}

}
