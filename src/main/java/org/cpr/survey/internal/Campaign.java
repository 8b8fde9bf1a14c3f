package org.cpr.survey.internal;

import java.util.UUID;
import org.cpr.survey.PrivacyMode;

record Campaign(UUID id, String title, String questionnaireId, String questionnaireVersion,
                PrivacyMode privacyMode, String status, int minRespondents, int minComments) {

    boolean launched() {
        return "LAUNCHED".equals(status);
    }
}
