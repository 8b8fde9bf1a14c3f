package org.cpr.directory.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Terms people search for that services describe in other words: "PTSD" for trauma and
 * traumatic stress, "moral injury" for moral distress. Each group becomes one index term:
 * a description that uses any of its phrases is indexed under the term, and a query that
 * uses any of them searches for it. Phrases are folded (lower case, no accents) like
 * every indexed word.
 */
final class SearchSynonyms {

	/** One group: the term it is indexed under, and the phrases that mean it. */
	record Group(String term, List<String> phrases) {

		Pattern pattern() {
			return Pattern.compile("\\b(" + String.join("|", phrases.stream().map(Pattern::quote).toList()) + ")\\b");
		}
	}

	static final List<Group> GROUPS = List.of(
			new Group("~ptsd",
					List.of("ptsd", "pc-ptsd", "post-traumatic stress", "post traumatic stress", "posttraumatic stress",
							"traumatic stress", "trauma", "traumatic", "traumatic event", "critical incident",
							"second victim", "tept", "estres postraumatico", "trauma psicologico", "traumatico")),
			new Group("~moral-injury", List.of("moral injury", "moral distress", "moral injuries", "moral-injury",
					"dano moral", "lesion moral", "angustia moral", "sufrimiento moral")));

	private static final List<Pattern> PATTERNS = GROUPS.stream().map(Group::pattern).toList();

	private SearchSynonyms() {
	}

	/** The group terms a folded text mentions. */
	static List<String> termsIn(String folded) {
		return java.util.stream.IntStream.range(0, GROUPS.size())
			.filter(i -> PATTERNS.get(i).matcher(folded).find())
			.mapToObj(i -> GROUPS.get(i).term())
			.toList();
	}

	/** The folded query with each synonym phrase replaced by its group's term. */
	static String rewrite(String folded) {
		String out = folded;
		for (int i = 0; i < GROUPS.size(); i++) {
			out = PATTERNS.get(i).matcher(out).replaceAll(" " + GROUPS.get(i).term() + " ");
		}
		return out;
	}

}
