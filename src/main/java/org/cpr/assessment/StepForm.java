package org.cpr.assessment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.questionnaire.PostedAnswers;
import org.springframework.util.MultiValueMap;

/**
 * A posted snapshot step. Every step form carries the other steps' answers as hidden
 * fields ({@code p__<instrument>__<linkId>}), so each POST is complete by itself: a
 * double-submitted last step replays the same answers under the same idempotency key.
 */
record StepForm(String key, String action, Map<String, Map<String, Object>> answers, Set<String> skipped,
		Map<String, String> current) {

	static final String PRIOR = "p__";

	static StepForm read(MultiValueMap<String, String> params, String instrumentId, PostedAnswers posted) {
		Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith(PRIOR) && !values.isEmpty()) {
				String[] parts = name.substring(PRIOR.length()).split("__", 2);
				if (parts.length == 2 && !parts[0].equals(instrumentId)) {
					answers.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], typed(values.get(0)));
				}
			}
		});
		answers.put(instrumentId, new LinkedHashMap<>(posted.answers()));
		Set<String> skipped = new LinkedHashSet<>(params.getOrDefault("skipped", List.of()));
		skipped.remove(instrumentId);
		String action = params.getFirst("action");
		return new StepForm(params.getFirst("idempotencyKey"), action == null ? "next" : action, answers, skipped,
				posted.entered());
	}

	/**
	 * A carried answer of an earlier step: yes/no → boolean, a number → the one numeric
	 * type of posted answers (BigDecimal, as {@link PostedAnswers}), anything else text.
	 */
	private static Object typed(String raw) {
		if ("true".equals(raw) || "false".equals(raw)) {
			return Boolean.valueOf(raw);
		}
		try {
			return new BigDecimal(raw.strip());
		}
		catch (NumberFormatException e) {
			return raw;
		}
	}

	/** The hidden fields to carry every answer except {@code exceptInstrument}'s. */
	static Map<String, String> hidden(Map<String, Map<String, Object>> answers, String exceptInstrument) {
		Map<String, String> fields = new LinkedHashMap<>();
		answers.forEach((instrument, items) -> {
			if (!instrument.equals(exceptInstrument)) {
				items.forEach((linkId, value) -> fields.put(PRIOR + instrument + "__" + linkId, display(value)));
			}
		});
		return fields;
	}

	/**
	 * How a stored answer is written back into a form field: 2.0 → "2", true → "true".
	 */
	static String display(Object value) {
		if (value instanceof Number n) {
			double d = n.doubleValue();
			return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
		}
		return String.valueOf(value);
	}
}
