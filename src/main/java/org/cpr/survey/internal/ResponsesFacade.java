package org.cpr.survey.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.questionnaire.Scoring;
import org.cpr.shared.PersonId;
import org.cpr.survey.AnonymousAnswer;
import org.cpr.survey.Campaign;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SubmissionReceipt;
import org.cpr.survey.SurveyResponses;
import org.cpr.survey.Wave;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/** {@link SurveyResponses} over the submission, draft and export internals. */
@Service
class ResponsesFacade implements SurveyResponses {

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final DraftService drafts;

	private final AnswerExport exports;

	private final InstrumentScorer scorer;

	private final Scoring scoring;

	ResponsesFacade(CampaignService campaigns, SubmissionService submissions, DraftService drafts, AnswerExport exports,
			InstrumentScorer scorer, Scoring scoring) {
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.drafts = drafts;
		this.exports = exports;
		this.scorer = scorer;
		this.scoring = scoring;
	}

	@Override
	public List<Wave> openWavesFor(PersonId person) {
		return campaigns.openWavesFor(person);
	}

	@Override
	public boolean excluded(UUID campaignId, PersonId person) {
		return campaigns.excluded(campaignId, person);
	}

	@Override
	public FormView form(Campaign campaign) {
		return scoring.form(scorer.version(campaign), org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	@Override
	public PostedAnswers read(Campaign campaign, MultiValueMap<String, String> params) {
		return scoring.read(scorer.version(campaign), params, "a_");
	}

	@Override
	public boolean completed(UUID waveId, PersonId person) {
		return submissions.completed(waveId, person);
	}

	@Override
	public Optional<String> draft(UUID waveId, PersonId person) {
		return drafts.load(waveId, person);
	}

	@Override
	public void saveDraft(UUID waveId, PersonId person, Map<String, Object> answers) {
		drafts.save(waveId, person, answers);
	}

	@Override
	public SubmissionReceipt submit(UUID waveId, PersonId person, String idempotencyKey, Map<String, Object> answers,
			SubmissionContext context) {
		return submissions.submit(waveId, person, idempotencyKey, answers, context);
	}

	@Override
	public SubmissionReceipt submitQuestionnaireResponse(UUID waveId, PersonId person, String idempotencyKey,
			String questionnaireResponse, SubmissionContext context) {
		return submissions.submitResponse(waveId, person, idempotencyKey, questionnaireResponse, context);
	}

	@Override
	public String myAnswers(UUID waveId, PersonId person) {
		return exports.mine(waveId, person);
	}

	@Override
	public Optional<AnonymousAnswer> anonymousAnswer(UUID responseId) {
		return submissions.anonymousAnswer(responseId);
	}

	@Override
	public boolean attributesFromSender(UUID campaignId) {
		return submissions.attributesFromSender(campaignId);
	}

}
