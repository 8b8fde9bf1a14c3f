package org.cpr.evaluation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cpr.shared.PersonId;

/**
 * Recodes quasi-identifiers so every combination that leaves holds at least {@code k}
 * people: a class that is too small has its training level generalised to "any", then its
 * trainee type; people still in a class of fewer than {@code k} are dropped. Only the
 * chosen quasi-identifiers take part (an element not exported cannot identify anyone).
 */
final class KAnonymity {

	static final String ANY = "any";

	private KAnonymity() {
	}

	/** A person's quasi-identifiers, already banded. */
	record Qi(String traineeType, String level) {
		String key() {
			return traineeType + "|" + level;
		}
	}

	/**
	 * The recoded quasi-identifiers of every person who may be exported; people left out
	 * are absent.
	 */
	static Map<PersonId, Qi> recode(Map<PersonId, Qi> people, boolean withType, boolean withLevel, int k) {
		Map<PersonId, Qi> current = new HashMap<>();
		people.forEach(
				(p, qi) -> current.put(p, new Qi(withType ? qi.traineeType() : ANY, withLevel ? qi.level() : ANY)));
		generalise(current, k, qi -> new Qi(qi.traineeType(), ANY));
		generalise(current, k, qi -> new Qi(ANY, ANY));
		Map<String, Long> sizes = sizes(current);
		current.entrySet().removeIf(e -> sizes.get(e.getValue().key()) < k);
		return current;
	}

	private static void generalise(Map<PersonId, Qi> current, int k, java.util.function.UnaryOperator<Qi> step) {
		Map<String, Long> sizes = sizes(current);
		List<PersonId> small = current.entrySet()
			.stream()
			.filter(e -> sizes.get(e.getValue().key()) < k)
			.map(Map.Entry::getKey)
			.toList();
		small.forEach(p -> current.put(p, step.apply(current.get(p))));
	}

	private static Map<String, Long> sizes(Map<PersonId, Qi> current) {
		Map<String, Long> sizes = new HashMap<>();
		current.values().forEach(qi -> sizes.merge(qi.key(), 1L, Long::sum));
		return sizes;
	}

	/** PGY1–2, PGY3+, MS1–2, MS3–4 as REDCap-safe codes; anything else "other". */
	static String band(String level) {
		if (level == null || level.isBlank()) {
			return "other";
		}
		String l = level.trim().toUpperCase(java.util.Locale.ROOT);
		if (l.matches("PGY[12]")) {
			return "pgy1_2";
		}
		if (l.matches("PGY[3-9]")) {
			return "pgy3_plus";
		}
		if (l.matches("MS[12]")) {
			return "ms1_2";
		}
		if (l.matches("MS[34]")) {
			return "ms3_4";
		}
		return "other";
	}

}
