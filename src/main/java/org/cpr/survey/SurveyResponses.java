package org.cpr.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.shared.PersonId;
import org.springframework.util.MultiValueMap;

/**
 * Answering a wave: what a person is asked, server drafts (identified modes only),
 * idempotent submission and the person's own answer as FHIR. Invalid answers throw
 * {@link InvalidAnswersException}; conflicts (completed, key mismatch, closed) throw
 * {@link SurveyConflictException}. Publishes {@link SurveyResponseSubmitted}.
 */
public interface SurveyResponses {

	/** Waves open today that this person is asked to answer. */
	List<Wave> openWavesFor(PersonId person);

	/** True when the campaign names its respondents and this person is not among them. */
	boolean excluded(UUID campaignId, PersonId person);

	/** The form of the campaign's questionnaire version. */
	FormView form(Campaign campaign);

	/**
	 * A posted answer page (fields {@code a_<linkId>}) read against the campaign's
	 * questionnaire version, as the questionnaire module reads every form.
	 */
	PostedAnswers read(Campaign campaign, MultiValueMap<String, String> params);

	boolean completed(UUID waveId, PersonId person);

	/** The person's saved draft as canonical JSON answers. */
	Optional<String> draft(UUID waveId, PersonId person);

	void saveDraft(UUID waveId, PersonId person, Map<String, Object> answers);

	SubmissionReceipt submit(UUID waveId, PersonId person, String idempotencyKey, Map<String, Object> answers,
			SubmissionContext context);

	/** The same submission as a FHIR R4 QuestionnaireResponse. */
	SubmissionReceipt submitQuestionnaireResponse(UUID waveId, PersonId person, String idempotencyKey,
			String questionnaireResponse, SubmissionContext context);

	/**
	 * The person's own answer to an identified wave as a FHIR R4 QuestionnaireResponse
	 * (audited).
	 */
	String myAnswers(UUID waveId, PersonId person);

	/**
	 * A readable anonymous answer by its (random) response id, as announced by
	 * {@link SurveyResponseSubmitted}; empty for an identified or unknown response.
	 */
	Optional<AnonymousAnswer> anonymousAnswer(UUID responseId);

	/**
	 * Whether a {@link SenderAttributes} provider supplies the campaign's response
	 * attributes.
	 */
	boolean attributesFromSender(UUID campaignId);

}
