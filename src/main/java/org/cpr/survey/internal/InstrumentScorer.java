package org.cpr.survey.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.Scoring;
import org.cpr.survey.Campaign;
import org.cpr.survey.InvalidAnswersException;
import org.cpr.survey.SurveyConflictException;
import org.springframework.stereotype.Component;

/**
 * Validates and scores a survey response with the questionnaire module, against exactly
 * the questionnaire version the campaign was launched with. Errors come back per item
 * (linkId → code).
 */
@Component
class InstrumentScorer {

	record Scored(BigDecimal score, String band, List<String> flags, Map<String, String> errors) {
		boolean valid() {
			return errors.isEmpty();
		}
	}

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	InstrumentScorer(QuestionnaireLibrary library, Scoring scoring) {
		this.library = library;
		this.scoring = scoring;
	}

	Scored score(Campaign campaign, Map<String, Object> answers) {
		UUID version = version(campaign);
		try {
			ScoreResult result = scoring.score(version, answers == null ? Map.of() : answers);
			if (answers == null || answers.isEmpty()) {
				return new Scored(null, null, List.of(), Map.of("answers", "survey.answers.required"));
			}
			return new Scored(result.score() == null ? null : BigDecimal.valueOf(result.score()), result.band(),
					result.flags(), Map.of());
		}
		catch (org.cpr.questionnaire.InvalidAnswersException invalid) {
			return new Scored(null, null, List.of(), invalid.byItem());
		}
	}

	/**
	 * A FHIR QuestionnaireResponse read into short-form answers against the campaign's
	 * version; unreadable answers, or a response for another questionnaire, fail per item
	 * like the short form.
	 */
	Map<String, Object> read(Campaign campaign, String questionnaireResponse) {
		try {
			return scoring.readResponse(version(campaign), questionnaireResponse);
		}
		catch (org.cpr.questionnaire.InvalidAnswersException invalid) {
			throw new InvalidAnswersException(invalid.byItem());
		}
	}

	/** Stored answers of this campaign as a FHIR QuestionnaireResponse (JSON). */
	String write(Campaign campaign, Map<String, Object> answers, BigDecimal score, String band, Instant authored) {
		return scoring.toResponse(version(campaign), answers, score, band, authored);
	}

	/** Published versions never change, so their ids are remembered. */
	private final Map<String, UUID> published = new ConcurrentHashMap<>();

	/** The version the campaign names ("1", "2", …), which must be published. */
	UUID version(Campaign campaign) {
		String key = campaign.questionnaireId() + ":" + campaign.questionnaireVersion();
		UUID known = published.get(key);
		if (known != null) {
			return known;
		}
		UUID id = library.versions(campaign.questionnaireId())
			.stream()
			.filter(v -> v.published() && Integer.toString(v.number()).equals(campaign.questionnaireVersion()))
			.map(QuestionnaireVersion::id)
			.findFirst()
			.orElseThrow(() -> new SurveyConflictException(409, "survey.questionnaire.notPublished"));
		published.put(key, id);
		return id;
	}

}
