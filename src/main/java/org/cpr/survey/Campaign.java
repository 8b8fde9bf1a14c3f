package org.cpr.survey;

import java.time.LocalDate;
import java.util.UUID;
import org.cpr.survey.PrivacyMode;

/**
 * A survey campaign: its questionnaire, privacy mode and thresholds, audience and
 * schedule.
 */
public record Campaign(UUID id, String title, String questionnaireId, String questionnaireVersion,
		PrivacyMode privacyMode, String status, int minRespondents, int minComments, String description,
		String hospital, Audience audience, Schedule schedule, LocalDate launchedOn) {

	public Campaign(UUID id, String title, String questionnaireId, String questionnaireVersion, PrivacyMode privacyMode,
			String status, int minRespondents, int minComments) {
		this(id, title, questionnaireId, questionnaireVersion, privacyMode, status, minRespondents, minComments, null,
				null, Audience.NONE, Schedule.oneOff(null, null), null);
	}

	public boolean launched() {
		return "LAUNCHED".equals(status);
	}
}
