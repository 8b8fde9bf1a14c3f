package org.cpr.safety.checkin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.Scoring;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The four screens of a check-in (PHQ-9, GAD-7, PC-PTSD-5, the single burnout item) and
 * the optional Moral Distress Thermometer, rendered and scored by the questionnaire
 * module. The thermometer may be left blank (then it is not scored);
 * {@link CheckinTiering} says why it never changes the tier. Form fields are named
 * {@code <key>_<linkId>} (e.g. {@code phq9_9}) so the instruments can share one page.
 */
@Component
public class CheckinInstruments {

	/**
	 * One instrument on the page: its key, its questionnaire id and the form to render.
	 */
	public record Section(String key, String definitionId, FormView form, boolean optional) {
	}

	/** Scored answers, or the item errors keyed by field name. */
	public record Outcome(CheckinTiering.Scores scores, Map<String, String> errors, String answersJson) {
		public boolean valid() {
			return errors.isEmpty();
		}
	}

	static final Map<String, String> INSTRUMENTS = Map.of("phq9", "phq-9", "gad7", "gad-7", "pcptsd5", "pc-ptsd-5",
			"burnout", "burnout-single-item", "moraldistress", "moral-distress-thermometer");
	static final List<String> ORDER = List.of("phq9", "gad7", "pcptsd5", "burnout", "moraldistress");

	/** Sections a person may leave blank. */
	static final java.util.Set<String> OPTIONAL = java.util.Set.of("moraldistress");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	CheckinInstruments(QuestionnaireLibrary library, Scoring scoring) {
		this.library = library;
		this.scoring = scoring;
	}

	public List<Section> sections() {
		return ORDER.stream()
			.map(key -> new Section(key, INSTRUMENTS.get(key),
					scoring.form(version(key), org.springframework.context.i18n.LocaleContextHolder.getLocale()),
					OPTIONAL.contains(key)))
			.toList();
	}

	/**
	 * Reads and scores each instrument's fields as the questionnaire module reads every
	 * form; nothing is coerced and totals are never read.
	 */
	public Outcome score(MultiValueMap<String, String> params) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Double> results = new LinkedHashMap<>();
		Map<String, Map<String, Object>> all = new LinkedHashMap<>();
		for (String key : ORDER) {
			if (OPTIONAL.contains(key) && blank(params, key + "_")) {
				continue;
			}
			UUID version = version(key);
			Map<String, Object> answers = scoring.read(version, params, key + "_").answers();
			all.put(key, answers);
			try {
				ScoreResult result = scoring.score(version, answers);
				results.put(key, result.score() == null ? 0.0 : result.score());
			}
			catch (InvalidAnswersException invalid) {
				invalid.byField(key + "_").forEach(errors::putIfAbsent);
			}
		}
		if (!errors.isEmpty()) {
			return new Outcome(null, errors, null);
		}
		CheckinTiering.Scores scores = new CheckinTiering.Scores(results.get("phq9").intValue(),
				whole(all.get("phq9").get("9")), results.get("gad7").intValue(), results.get("pcptsd5").intValue(),
				whole(all.get("burnout").get("1")),
				results.containsKey("moraldistress") ? results.get("moraldistress").intValue() : null);
		return new Outcome(scores, Map.of(), JSON.valueToTree(all).toString());
	}

	private static boolean blank(MultiValueMap<String, String> params, String prefix) {
		return params.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(prefix))
			.flatMap(e -> e.getValue().stream())
			.allMatch(v -> v == null || v.isBlank());
	}

	private static int whole(Object answer) {
		return answer instanceof Number n ? n.intValue() : 0;
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

	/**
	 * The instrument's latest published version, looked up at most every ten seconds (the
	 * page and the scoring ask for four instruments on every request; a newly published
	 * version is picked up within the interval on every node).
	 */
	private UUID version(String key) {
		Latest latest = versions.get(key);
		if (latest != null && System.nanoTime() - latest.readAt() < VERSION_TTL_NANOS) {
			return latest.id();
		}
		UUID id = library.latestPublished(INSTRUMENTS.get(key))
			.map(QuestionnaireVersion::id)
			.orElseThrow(() -> new IllegalStateException("instrument not loaded: " + INSTRUMENTS.get(key)));
		versions.put(key, new Latest(id, System.nanoTime()));
		return id;
	}

	private record Latest(UUID id, long readAt) {
	}

	private static final long VERSION_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

	private final Map<String, Latest> versions = new java.util.concurrent.ConcurrentHashMap<>();

}
