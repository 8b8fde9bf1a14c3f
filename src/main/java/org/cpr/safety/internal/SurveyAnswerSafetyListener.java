package org.cpr.safety.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyConcern;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SurveyResponseSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Survey answers with a critical item reach a clinician according to the survey's privacy
 * mode. Whether an answer is critical is the questionnaire's own rule: its scoring spec
 * raises the {@code SAFETY} flag (e.g. PHQ-9 item 9 above zero), {@code ACUTE} makes it
 * tier 1.
 * <ul>
 * <li>confidential or identified: one alert per committed response, as for the snapshot
 * (the event comes through the publication registry and the alert id derives from the
 * response, I-22);</li>
 * <li>anonymous: no alert, since nobody can be reached and the response must stay
 * unlinkable; the crisis panel is shown on the form before it is sent and on the done
 * page.</li>
 * </ul>
 */
@Component
class SurveyAnswerSafetyListener {

	static final String SOURCE = "survey-response";
	static final String REASON = "SURVEY_CRITICAL_ITEM";

	private final SafetyConcernListener concerns;

	SurveyAnswerSafetyListener(SafetyConcernListener concerns) {
		this.concerns = concerns;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SurveyResponseSubmitted response) {
		if (response.privacyMode() == PrivacyMode.ANONYMOUS || !response.flags().contains("SAFETY")) {
			return;
		}
		Set<String> reasons = new LinkedHashSet<>();
		reasons.add(REASON);
		AlertTier tier = response.flags().contains("ACUTE") ? AlertTier.TIER_1 : AlertTier.TIER_2;
		concerns
			.on(new SafetyConcern(SOURCE, response.responseId().toString(), response.personId(), null, tier, reasons));
	}

}
