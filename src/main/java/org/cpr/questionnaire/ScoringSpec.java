package org.cpr.questionnaire;

import java.util.List;
import java.util.Map;

/**
 * How a questionnaire is scored, as data (no code per instrument). Stored as JSON in the
 * {@code https://cpr.example.org/fhir/StructureDefinition/scoring} extension of the
 * Questionnaire.
 *
 * @param method SUM, MEAN or COUNT_YES over {@code items}
 * @param items the scored items' linkIds, in order
 * @param reverse reversed items: linkId → k, scored as k − answer (BRS: 6, CBI: 100)
 * @param multiplier a linear transform of the main score (WHO-5: 4, giving a percentage);
 * null = 1
 * @param gate a yes/no item that, when answered "no", makes the score 0 and the items not
 * asked
 * @param subscales named sub-scores, each with its own method and items
 * @param bands severity bands of the main score, first match wins
 * @param flags rules that raise flags such as SAFETY or POSITIVE
 * @param scoreFrom when set, the main score is this subscale's score (e.g. none for CBI:
 * null score)
 */
public record ScoringSpec(Method method, List<String> items, Map<String, Double> reverse, Double multiplier,
		String gate, Map<String, Subscale> subscales, List<Band> bands, List<FlagRule> flags, String scoreFrom) {

	public enum Method {

		SUM, MEAN, COUNT_YES, NONE

	}

	public record Subscale(Method method, List<String> items) {
	}

	/** Inclusive range of the main score and the band's code (e.g. "moderate"). */
	public record Band(double min, double max, String code) {
	}

	/**
	 * A flag rule: {@code item} compared with {@code value} by {@code op} (&gt;, &gt;=,
	 * ==, &lt;, &lt;=), or the main score when {@code item} is null; {@code anyYes} lists
	 * boolean items of which any "yes" fires the flag.
	 */
	public record FlagRule(String flag, String item, String op, Double value, List<String> anyYes) {
	}

	public ScoringSpec {
		items = items == null ? List.of() : List.copyOf(items);
		reverse = reverse == null ? Map.of() : Map.copyOf(reverse);
		subscales = subscales == null ? Map.of() : Map.copyOf(subscales);
		bands = bands == null ? List.of() : List.copyOf(bands);
		flags = flags == null ? List.of() : List.copyOf(flags);
	}

	/**
	 * A health screen: the definition says when a person screens positive. Aggregates of
	 * a health screen show bands and counts of positive screens (0 or at least 11, never
	 * 100 %), never exact scores or single items (privacy-and-safety.md I-5).
	 */
	public boolean healthScreen() {
		return flags.stream().anyMatch(f -> "POSITIVE".equals(f.flag()));
	}
}
