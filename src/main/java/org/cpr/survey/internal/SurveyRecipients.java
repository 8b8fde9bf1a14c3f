package org.cpr.survey.internal;

import java.util.Locale;
import java.util.Optional;
import org.cpr.shared.PersonId;

/**
 * Where invitation addresses come from: the identity module's public API (see
 * {@link IdentityRecipients}).
 */
interface SurveyRecipients {

	record Recipient(String email, Locale locale) {
	}

	Optional<Recipient> find(PersonId person);

}
