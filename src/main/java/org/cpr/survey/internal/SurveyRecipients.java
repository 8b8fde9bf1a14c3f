package org.cpr.survey.internal;

import java.util.Locale;
import java.util.Optional;
import org.cpr.shared.PersonId;

/**
 * Where invitation addresses come from. To be implemented over the identity module's public API
 * (IdentityManagement, branch {@code admin}) once merged; until then no bean exists in main code
 * and invitations are counted but not e-mailed.
 */
interface SurveyRecipients {

    record Recipient(String email, Locale locale) {
    }

    Optional<Recipient> find(PersonId person);
}
