package org.cpr.groups.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.survey.AnonymousAnswer;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SurveyCampaigns;
import org.cpr.survey.SurveyResponseSubmitted;
import org.cpr.survey.SurveyResponses;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ratings and comment of every readable anonymous answer to a group feedback
 * campaign, with only the group the sender attached (the survey row carries no person and
 * the batch day only). Redelivery is harmless: the answer's id is the key.
 */
@Component
class FeedbackRecorder {

	private final FeedbackStore store;

	private final GroupStore groups;

	private final SurveyCampaigns campaigns;

	private final SurveyResponses responses;

	private final ObjectMapper json = new ObjectMapper();

	FeedbackRecorder(FeedbackStore store, GroupStore groups, SurveyCampaigns campaigns, SurveyResponses responses) {
		this.store = store;
		this.groups = groups;
		this.campaigns = campaigns;
		this.responses = responses;
	}

	@ApplicationModuleListener
	void on(SurveyResponseSubmitted event) throws Exception {
		if (event.privacyMode() != PrivacyMode.ANONYMOUS) {
			return;
		}
		UUID campaign = campaigns.wave(event.waveId()).map(w -> w.campaignId()).orElse(null);
		if (campaign == null || store.groupOfCampaign(campaign).isEmpty()) {
			return;
		}
		AnonymousAnswer answer = responses.anonymousAnswer(event.responseId()).orElse(null);
		if (answer == null || answer.rotation() == null || !answer.rotation().startsWith(FeedbackAttributes.PREFIX)) {
			return;
		}
		UUID group = UUID.fromString(answer.rotation().substring(FeedbackAttributes.PREFIX.length()));
		GroupStore.GroupRow row = groups.group(group).orElse(null);
		if (row == null) {
			return;
		}
		Map<String, Object> a = json.readValue(answer.answersJson(), new TypeReference<Map<String, Object>>() {
		});
		Integer useful = rating(a.get("useful"));
		Integer safe = rating(a.get("safe"));
		Integer recommend = rating(a.get("recommend"));
		if (useful == null || safe == null || recommend == null) {
			return;
		}
		String comment = a.get("comment") instanceof String text && !text.isBlank() ? text.strip() : null;
		if (comment != null && comment.length() > 600) {
			comment = comment.substring(0, 600);
		}
		store.insert(new FeedbackStore.Answer(event.responseId(), group, useful, safe, recommend, comment),
				row.cohort(), answer.day());
	}

	private static Integer rating(Object value) {
		BigDecimal v = null;
		if (value instanceof Number n) {
			v = new BigDecimal(n.toString());
		}
		else if (value instanceof String s) {
			try {
				v = new BigDecimal(s.strip());
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		if (v == null) {
			return null;
		}
		int i = v.intValue();
		return i >= 1 && i <= 5 ? i : null;
	}

}
