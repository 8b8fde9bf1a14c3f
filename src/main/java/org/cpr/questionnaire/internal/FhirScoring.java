package org.cpr.questionnaire.internal;

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
import org.cpr.questionnaire.FhirSupport;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.ItemError;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireModel;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.Scoring;
import org.cpr.questionnaire.ScoringSpec;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * Scoring over the FHIR definitions of the library. Published versions are immutable, so
 * their parsed form is cached by version id.
 */
@Service("scoring")
class FhirScoring implements Scoring {

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
			FormView form = FormViews.of(definitionId, questionnaire, spec, locale);
			if (forms.size() < 8) {
				forms.put(language, form);
			}
			return form;
		}

	}

	private final QuestionnaireLibrary library;

	private final FhirSupport fhir;

	private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

	FhirScoring(QuestionnaireLibrary library, FhirSupport fhir) {
		this.library = library;
		this.fhir = fhir;
	}

	@Override
	public ScoreResult score(UUID versionId, JsonNode answers) {
		Compiled c = compile(versionId);
		List<ItemError> errors = new ArrayList<>();
		Map<String, Object> values = AnswerSet.read(c.model(), answers, errors);
		return ScoringEngine.score(c.model(), c.spec(), values, errors);
	}

	@Override
	public ScoreResult score(UUID versionId, Map<String, ?> answers) {
		return score(versionId, AnswerSet.json(answers == null ? Map.of() : answers));
	}

	@Override
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

	@Override
	public ScoreResult scoreResponse(UUID versionId, String questionnaireResponseJson) {
		Compiled c = compile(versionId);
		List<ItemError> errors = new ArrayList<>();
		Map<String, Object> values = ResponseReader.read(fhir, c.model(), questionnaireResponseJson, errors);
		return ScoringEngine.score(c.model(), c.spec(), values, errors);
	}

	@Override
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

	@Override
	public String toResponse(UUID versionId, Map<String, ?> answers, Number score, String band) {
		return toResponse(versionId, answers, score, band, null);
	}

	@Override
	public String toResponse(UUID versionId, Map<String, ?> answers, Number score, String band, Instant authored) {
		return fhir.write(response(versionId, answers, score, band, authored));
	}

	@Override
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

	@Override
	public Questionnaire questionnaire(UUID versionId) {
		return compile(versionId).questionnaire();
	}

	@Override
	public FormView form(UUID versionId) {
		Compiled c = compile(versionId);
		return FormViews.of(c.definitionId(), c.questionnaire(), c.spec());
	}

	@Override
	public FormView form(UUID versionId, java.util.Locale locale) {
		return compile(versionId).form(locale);
	}

	@Override
	public Map<String, Object> askedOnly(UUID versionId, Map<String, Object> answers) {
		Compiled c = compile(versionId);
		return ScoringEngine.askedOnly(c.model(), c.spec(), answers);
	}

	@Override
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
