package org.cpr.groups.internal;

import java.util.UUID;

import org.cpr.shared.PersonId;
import org.cpr.survey.SenderAttributes;
import org.cpr.survey.SubmissionContext;
import org.springframework.stereotype.Component;

/**
 * Attaches the group to every answer of a feedback campaign this module sent (the
 * respondent types nothing). Every invitee of such a campaign is a member of that one
 * group, so the attribute is shared by all of them and singles no one out; it travels
 * through the survey's anonymous mixing pool like any attribute.
 */
@Component
class FeedbackAttributes implements SenderAttributes {

	static final String PREFIX = "group:";

	private final FeedbackStore store;

	FeedbackAttributes(FeedbackStore store) {
		this.store = store;
	}

	@Override
	public boolean attaches(UUID campaignId) {
		return store.groupOfCampaign(campaignId).isPresent();
	}

	@Override
	public SubmissionContext attributesFor(UUID campaignId, PersonId person) {
		return new SubmissionContext(null, store.groupOfCampaign(campaignId).map(g -> PREFIX + g).orElse(null), null);
	}

}
