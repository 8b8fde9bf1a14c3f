package org.cpr.needs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.PersonId;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipped end-of-rotation stressor questionnaire
 * ({@code needs/needs-stressors.json}), imported on first use.
 */
@Component
class StressorQuestionnaire {

	public static final String ID = "needs-stressors";

	private final QuestionnaireLibrary library;

	StressorQuestionnaire(QuestionnaireLibrary library) {
		this.library = library;
	}

	/**
	 * The newest published version, importing the shipped one if the library has none.
	 */
	public synchronized QuestionnaireVersion ensure(PersonId by) {
		return library.latestPublished(ID).orElseGet(() -> {
			try (InputStream in = new ClassPathResource("needs/needs-stressors.json").getInputStream()) {
				return library.importFhir(new String(in.readAllBytes(), StandardCharsets.UTF_8), true, true, by);
			}
			catch (IOException e) {
				throw new IllegalStateException("the stressor questionnaire is missing from the build", e);
			}
		});
	}

}
