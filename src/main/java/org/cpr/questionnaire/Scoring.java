package org.cpr.questionnaire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.cpr.questionnaire.internal.AnswerSet;
import org.cpr.questionnaire.internal.FormViews;
import org.cpr.questionnaire.internal.QuestionnaireModel;
import org.cpr.questionnaire.internal.ResponseBundles;
import org.cpr.questionnaire.internal.ResponseReader;
import org.cpr.questionnaire.internal.ResponseWriter;
import org.cpr.questionnaire.internal.ScoringEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * Validates and scores answers on the server — the only place scores are computed. Client
 * totals are never read. Published versions are immutable, so their parsed form is cached
 * by version id.
 */
@Service
public class Scoring {

	/**
	 * A version parsed once, with its definition's id and its forms by language (a
	 * published version never changes, so neither do they; at most a few languages are
	 * kept).
	 */
	private record Compiled(Questionnaire questionnaire, QuestionnaireModel model, ScoringSpec spec,
			String definitionId, Map<String, FormView> forms) {

		FormView form(java.util.Locale locale) {
			String language = locale == null ? "" : locale.getLanguage();
			FormView cached = forms.get(language);
			if (cached != null) {
				return cached;
			}
			FormView form = org.cpr.questionnaire.internal.FormViews.of(definitionId, questionnaire, spec, locale);
			if (forms.size() < 8) {
				forms.put(language, form);
			}
			return form;
		}

	}

	private final QuestionnaireLibrary library;

	private final FhirSupport fhir;

	private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

	Scoring(QuestionnaireLibrary library, FhirSupport fhir) {
		this.library = library;
		this.fhir = fhir;
	}

	/** Scores short-form answers {@code {"<linkId>": value}} against a version. */
	public ScoreResult score(UUID versionId, JsonNode answers) {
		Compiled c = compile(versionId);
		List<ItemError> errors = new ArrayList<>();
		Map<String, Object> values = AnswerSet.read(c.model(), answers, errors);
		return ScoringEngine.score(c.model(), c.spec(), values, errors);
	}

	/**
	 * Scores typed answers by linkId (as {@link #read} gives them, or as a JSON parser
	 * reads the short form) against a version.
	 * @throws InvalidAnswersException naming each item that is missing, not asked or not
	 * what the item takes
	 */
	public ScoreResult score(UUID versionId, Map<String, ?> answers) {
		return score(versionId, AnswerSet.json(answers == null ? Map.of() : answers));
	}

	/**
	 * Reads a posted form rendered from {@link #form}: the field {@code <prefix><linkId>}
	 * of each answerable item, blank fields left out. Yes/no fields take {@code true} or
	 * {@code false}, choice and number fields a number (a {@code BigDecimal}); anything
	 * else stays text for {@link #score} to name. Answers to questions not asked given
	 * the other answers are dropped (a person who answered a follow-up and then changed
	 * the answer that opens it should not be told to remove it). Nothing is scored here.
	 */
	public PostedAnswers read(UUID versionId, MultiValueMap<String, String> params, String prefix) {
		Compiled c = compile(versionId);
		Map<String, String> entered = new LinkedHashMap<>();
		Map<String, Object> answers = new LinkedHashMap<>();
		for (QuestionnaireModel.Item item : c.model().items().values()) {
			String value = params.getFirst(prefix + item.linkId());
			if (value == null || value.isBlank()) {
				continue;
			}
			entered.put(item.linkId(), value);
			answers.put(item.linkId(), typed(item.kind(), value));
		}
		Set<String> notAsked;
		do {
			Map<String, Object> typed = AnswerSet.read(c.model(), AnswerSet.json(answers), new ArrayList<>());
			notAsked = ScoringEngine.answeredButNotAsked(c.model(), c.spec(), typed);
			answers.keySet().removeAll(notAsked);
		}
		while (!notAsked.isEmpty());
		return new PostedAnswers(answers, entered);
	}

	private static Object typed(QuestionnaireModel.Kind kind, String value) {
		return switch (kind) {
			case BOOLEAN -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : value;
			case CHOICE, INTEGER, DECIMAL -> {
				try {
					yield new BigDecimal(value.strip());
				}
				catch (NumberFormatException e) {
					yield value;
				}
			}
			default -> value;
		};
	}

	/** Scores a FHIR QuestionnaireResponse (JSON) against a version. */
	public ScoreResult scoreResponse(UUID versionId, String questionnaireResponseJson) {
		Compiled c = compile(versionId);
		List<ItemError> errors = new ArrayList<>();
		Map<String, Object> values = ResponseReader.read(fhir, c.model(), questionnaireResponseJson, errors);
		return ScoringEngine.score(c.model(), c.spec(), values, errors);
	}

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
	public Map<String, Object> readResponse(UUID versionId, String questionnaireResponseJson) {
		Compiled c = compile(versionId);
		QuestionnaireVersion version = library.version(versionId)
			.orElseThrow(() -> new IllegalArgumentException("unknown questionnaire version"));
		List<ItemError> errors = new ArrayList<>();
		QuestionnaireResponse response = ResponseReader.parse(fhir, questionnaireResponseJson, errors);
		if (response == null) {
			throw new InvalidAnswersException(errors);
		}
		if (!ResponseWriter.names(response.getQuestionnaire(), c.questionnaire(), version.definitionId(),
				version.number())) {
			throw new InvalidAnswersException(List.of(new ItemError("questionnaire", "response.wrongQuestionnaire",
					"This response is not for questionnaire "
							+ ResponseWriter.canonical(version.definitionId(), version.number()) + ".")));
		}
		Map<String, Object> values = ResponseReader.read(c.model(), response, errors);
		Map<String, Object> answers = ResponseWriter.shortForm(values, errors);
		if (!errors.isEmpty()) {
			throw new InvalidAnswersException(errors);
		}
		return answers;
	}

	/**
	 * {@link #toResponse(UUID, Map, Number, String, Instant)} without an authored time.
	 */
	public String toResponse(UUID versionId, Map<String, ?> answers, Number score, String band) {
		return toResponse(versionId, answers, score, band, null);
	}

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
	public String toResponse(UUID versionId, Map<String, ?> answers, Number score, String band, Instant authored) {
		return fhir.write(response(versionId, answers, score, band, authored));
	}

	/**
	 * One response of a {@link #bundle}: its id in the bundle, the version answered (with
	 * the instrument id and version number for the fallback reference
	 * {@code Questionnaire/<id>|<number>}), short-form answers as stored, score, band and
	 * when it was authored.
	 */
	public record BundleEntry(String id, UUID versionId, String instrumentId, int versionNumber, Map<String, ?> answers,
			Number score, String band, Instant authored) {
	}

	/**
	 * Responses as a FHIR R4 collection Bundle (JSON), each written as
	 * {@link #toResponse} writes it (choice answers as the option's coding). An entry
	 * whose answers no longer fit its version is written with plain values instead, so an
	 * export never drops an answer. The only FHIR writing other modules need: they pass
	 * their records, not FHIR types.
	 */
	public String bundle(List<BundleEntry> entries, Instant generated) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		bundle.setTimestamp(Date.from(generated));
		for (BundleEntry e : entries) {
			QuestionnaireResponse qr;
			try {
				qr = response(e.versionId(), e.answers(), e.score(), e.band(), e.authored());
			}
			catch (InvalidAnswersException | IllegalArgumentException ex) {
				qr = ResponseBundles.plain("Questionnaire/" + e.instrumentId() + "|" + e.versionNumber(),
						e.answers() == null ? Map.of() : e.answers(), e.score(), e.band(), e.authored());
			}
			qr.setId(e.id());
			bundle.addEntry()
				.setFullUrl("urn:uuid:" + UUID.nameUUIDFromBytes(e.id().getBytes(StandardCharsets.UTF_8)))
				.setResource(qr);
		}
		return fhir.write(bundle);
	}

	private QuestionnaireResponse response(UUID versionId, Map<String, ?> answers, Number score, String band,
			Instant authored) {
		Compiled c = compile(versionId);
		QuestionnaireVersion version = library.version(versionId)
			.orElseThrow(() -> new IllegalArgumentException("unknown questionnaire version"));
		List<ItemError> errors = new ArrayList<>();
		QuestionnaireResponse response = ResponseWriter.write(c.questionnaire(), c.model(),
				ResponseWriter.canonical(version.definitionId(), version.number()),
				answers == null ? Map.of() : answers, score, band, authored, errors);
		if (!errors.isEmpty()) {
			throw new InvalidAnswersException(errors);
		}
		return response;
	}

	/** The parsed FHIR definition of a version (for rendering forms). */
	public Questionnaire questionnaire(UUID versionId) {
		return compile(versionId).questionnaire();
	}

	/**
	 * The version as a form to render, with critical options marked for the crisis panel.
	 */
	public FormView form(UUID versionId) {
		Compiled c = compile(versionId);
		return FormViews.of(c.definitionId(), c.questionnaire(), c.spec());
	}

	/**
	 * The version as a form in {@code locale}'s language when the definition carries a
	 * complete translation into it (see {@link FormView#language()}); same items, options
	 * and weights.
	 */
	public FormView form(UUID versionId, java.util.Locale locale) {
		return compile(versionId).form(locale);
	}

	/**
	 * The answers without those to questions not asked given the other answers (an
	 * {@code enableWhen} that no longer holds, or items behind a closed gate): what a web
	 * form submits after its respondent changed a gate question. The API keeps refusing
	 * such answers ({@code answer.notAsked}).
	 */
	public Map<String, Object> askedOnly(UUID versionId, Map<String, Object> answers) {
		Compiled c = compile(versionId);
		return ScoringEngine.askedOnly(c.model(), c.spec(), answers);
	}

	public ScoringSpec spec(UUID versionId) {
		return compile(versionId).spec();
	}

	private Compiled compile(UUID versionId) {
		Compiled cached = compiled.get(versionId);
		if (cached != null) {
			return cached;
		}
		Questionnaire q = fhir.questionnaire(library.fhirJson(versionId));
		Optional<QuestionnaireVersion> version = library.version(versionId);
		Compiled c = new Compiled(q, QuestionnaireModel.of(q), fhir.scoring(q),
				version.map(QuestionnaireVersion::definitionId).orElse(""), new ConcurrentHashMap<>());
		if (version.map(QuestionnaireVersion::published).orElse(false)) {
			compiled.put(versionId, c);
		}
		return c;
	}

}
