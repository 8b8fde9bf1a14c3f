package org.cpr.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.util.MultiValueMap;

/**
 * Validates and scores answers on the server — the only place scores are computed. Client
 * totals are never read. Implemented in {@code internal/} (FhirScoring, over the FHIR
 * definitions of the {@link QuestionnaireLibrary}).
 */
public interface Scoring {

	/** Scores short-form answers {@code {"<linkId>": value}} against a version. */
	ScoreResult score(UUID versionId, JsonNode answers);

	/**
	 * Scores typed answers by linkId (as {@link #read} gives them, or as a JSON parser
	 * reads the short form) against a version.
	 * @throws InvalidAnswersException naming each item that is missing, not asked or not
	 * what the item takes
	 */
	ScoreResult score(UUID versionId, Map<String, ?> answers);

	/**
	 * Reads a posted form rendered from {@link #form}: the field {@code <prefix><linkId>}
	 * of each answerable item, blank fields left out. Yes/no fields take {@code true} or
	 * {@code false}, choice and number fields a number (a {@code BigDecimal}); anything
	 * else stays text for {@link #score} to name. Answers to questions not asked given
	 * the other answers are dropped (a person who answered a follow-up and then changed
	 * the answer that opens it should not be told to remove it). Nothing is scored here.
	 */
	PostedAnswers read(UUID versionId, MultiValueMap<String, String> params, String prefix);

	/** Scores a FHIR QuestionnaireResponse (JSON) against a version. */
	ScoreResult scoreResponse(UUID versionId, String questionnaireResponseJson);

	/**
	 * Reads a FHIR R4 QuestionnaireResponse (JSON) into short-form answers
	 * {@code {"<linkId>": value}}, with the same strictness as the short form: choice
	 * answers by their option code (valueCoding) or weight, whole numbers as Integer,
	 * decimals as Double, yes/no as Boolean, text as String, dates as {@code YYYY-MM-DD}.
	 * A response whose {@code questionnaire} canonical names another questionnaire or
	 * version is refused (item {@code questionnaire}). Whether required items are
	 * answered is left to {@link #score}.
	 * @throws InvalidAnswersException naming each item that cannot be read
	 */
	Map<String, Object> readResponse(UUID versionId, String questionnaireResponseJson);

	/**
	 * {@link #toResponse(UUID, Map, Number, String, Instant)} without an authored time.
	 */
	String toResponse(UUID versionId, Map<String, ?> answers, Number score, String band);

	/**
	 * Short-form answers as a FHIR R4 QuestionnaireResponse (JSON) referencing
	 * {@code Questionnaire/<id>|<version>}: a choice answer is the valueCoding (system,
	 * code, display) of the option with that weight (an integer only if no option has
	 * it), other answers their own value types; score and band, when given, are
	 * extensions. Stored forms are accepted too ({@code "true"} for a yes/no item, a
	 * {@code YYYY-MM-DD} string for a date).
	 * @throws InvalidAnswersException when an answer names no item or cannot be written
	 * for its item
	 */
	String toResponse(UUID versionId, Map<String, ?> answers, Number score, String band, Instant authored);

	/**
	 * One response of a {@link #bundle}: its id in the bundle, the version answered (with
	 * the instrument id and version number for the fallback reference
	 * {@code Questionnaire/<id>|<number>}), short-form answers as stored, score, band and
	 * when it was authored.
	 */
	record BundleEntry(String id, UUID versionId, String instrumentId, int versionNumber, Map<String, ?> answers,
			Number score, String band, Instant authored) {
	}

	/**
	 * Responses as a FHIR R4 collection Bundle (JSON), each written as
	 * {@link #toResponse} writes it (choice answers as the option's coding). An entry
	 * whose answers no longer fit its version is written with plain values instead, so an
	 * export never drops an answer. The only FHIR writing other modules need: they pass
	 * their records, not FHIR types.
	 */
	String bundle(List<BundleEntry> entries, Instant generated);

	/** The parsed FHIR definition of a version (for rendering forms). */
	Questionnaire questionnaire(UUID versionId);

	/**
	 * The version as a form to render, with critical options marked for the crisis panel.
	 */
	FormView form(UUID versionId);

	/**
	 * The version as a form in {@code locale}'s language when the definition carries a
	 * complete translation into it (see {@link FormView#language()}); same items, options
	 * and weights.
	 */
	FormView form(UUID versionId, java.util.Locale locale);

	/**
	 * The answers without those to questions not asked given the other answers (an
	 * {@code enableWhen} that no longer holds, or items behind a closed gate): what a web
	 * form submits after its respondent changed a gate question. The API keeps refusing
	 * such answers ({@code answer.notAsked}).
	 */
	Map<String, Object> askedOnly(UUID versionId, Map<String, Object> answers);

	ScoringSpec spec(UUID versionId);

}
