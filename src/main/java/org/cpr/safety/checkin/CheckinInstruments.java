package org.cpr.safety.checkin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.ItemError;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.Scoring;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The four screens of a check-in (PHQ-9, GAD-7, PC-PTSD-5, the single burnout item),
 * rendered and scored by the questionnaire module. Form fields are named
 * {@code <key>_<linkId>} (e.g. {@code phq9_9}) so the instruments can share one page.
 */
@Component
public class CheckinInstruments {

	/**
	 * One instrument on the page: its key, its questionnaire id and the form to render.
	 */
	public record Section(String key, String definitionId, FormView form) {
	}

	/** Scored answers, or the item errors keyed by field name. */
	public record Outcome(CheckinTiering.Scores scores, Map<String, String> errors, String answersJson) {
		public boolean valid() {
			return errors.isEmpty();
		}
	}

	static final Map<String, String> INSTRUMENTS = Map.of("phq9", "phq-9", "gad7", "gad-7", "pcptsd5", "pc-ptsd-5",
			"burnout", "burnout-single-item");
	static final List<String> ORDER = List.of("phq9", "gad7", "pcptsd5", "burnout");

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	CheckinInstruments(QuestionnaireLibrary library, Scoring scoring) {
		this.library = library;
		this.scoring = scoring;
	}

	public List<Section> sections() {
		return ORDER.stream()
			.map(key -> new Section(key, INSTRUMENTS.get(key),
					scoring.form(version(key), org.springframework.context.i18n.LocaleContextHolder.getLocale())))
			.toList();
	}

	/**
	 * Reads the typed answers from form parameters; nothing is coerced and totals are
	 * never read.
	 */
	public Outcome score(MultiValueMap<String, String> params) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Double> results = new LinkedHashMap<>();
		ObjectNode all = JsonNodeFactory.instance.objectNode();
		for (String key : ORDER) {
			UUID version = version(key);
			ObjectNode json = answers(key, scoring.form(version), params);
			all.set(key, json);
			try {
				ScoreResult result = scoring.score(version, json);
				results.put(key, result.score() == null ? 0.0 : result.score());
			}
			catch (InvalidAnswersException invalid) {
				for (ItemError e : invalid.errors()) {
					errors.putIfAbsent(key + "_" + e.item(), e.code());
				}
			}
		}
		if (!errors.isEmpty()) {
			return new Outcome(null, errors, null);
		}
		int item9 = all.path("phq9").path("9").asInt();
		int burnout = all.path("burnout").path("1").asInt();
		CheckinTiering.Scores scores = new CheckinTiering.Scores(results.get("phq9").intValue(), item9,
				results.get("gad7").intValue(), results.get("pcptsd5").intValue(), burnout);
		return new Outcome(scores, Map.of(), all.toString());
	}

	/** What the person chose, by field name, to show the form again as it was. */
	public static Map<String, String> typed(MultiValueMap<String, String> params) {
		Map<String, String> typed = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (ORDER.stream().anyMatch(k -> name.startsWith(k + "_")) && !values.isEmpty()) {
				typed.put(name, values.getFirst());
			}
		});
		return typed;
	}

	private static ObjectNode answers(String key, FormView form, MultiValueMap<String, String> params) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		boolean gateClosed = "pcptsd5".equals(key) && "false".equals(params.getFirst(key + "_exposure"));
		for (FormView.Item item : form.items()) {
			String value = params.getFirst(key + "_" + item.linkId());
			if (value == null || value.isBlank() || (gateClosed && !"exposure".equals(item.linkId()))) {
				continue;
			}
			switch (item.kind()) {
				case "BOOLEAN" -> {
					if ("true".equals(value) || "false".equals(value)) {
						json.put(item.linkId(), Boolean.parseBoolean(value));
					}
					else {
						json.put(item.linkId(), value);
					}
				}
				case "CHOICE", "INTEGER", "DECIMAL" -> {
					try {
						json.put(item.linkId(), new BigDecimal(value));
					}
					catch (NumberFormatException notANumber) {
						json.put(item.linkId(), value);
					}
				}
				default -> json.put(item.linkId(), value);
			}
		}
		return json;
	}

	private UUID version(String key) {
		return library.latestPublished(INSTRUMENTS.get(key))
			.map(QuestionnaireVersion::id)
			.orElseThrow(() -> new IllegalStateException("instrument not loaded: " + INSTRUMENTS.get(key)));
	}

}
