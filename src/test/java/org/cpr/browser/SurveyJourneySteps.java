package org.cpr.browser;

import com.microsoft.playwright.Page;

/** Steps shared by survey browser tests. */
final class SurveyJourneySteps {

    private SurveyJourneySteps() {
    }

    /** Builds the questionnaire in the facilitator's builder; returns the option value of its published version. */
    static String buildQuestionnaire(Page facilitator) {
        // Until the builder lands this uses a shipped instrument.
        return "phq-2:1";
    }
}
