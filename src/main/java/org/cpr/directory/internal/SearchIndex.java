package org.cpr.directory.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.cpr.directory.ServiceEntry;
import org.cpr.directory.ServiceQuery;

/**
 * An immutable in-memory index of active entries for typo-tolerant full-text search: each
 * query word matches index words by prefix or within a small edit distance (1 for short
 * words, 2 from seven letters); names weigh more than descriptions. Rebuilt whenever the
 * directory changes.
 */
final class SearchIndex {

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final LevenshteinDistance ONE = new LevenshteinDistance(1);

	private static final LevenshteinDistance TWO = new LevenshteinDistance(2);

	private final List<ServiceEntry> entries;

	private final List<ServiceEntry> byName;

	/** word → (entry index → weight of the best field the word occurs in). */
	private final Map<String, Map<Integer, Integer>> postings = new HashMap<>();

	SearchIndex(List<ServiceEntry> entries, Map<String, String> categoryLabels) {
		this.entries = List.copyOf(entries);
		this.byName = this.entries.stream().sorted(java.util.Comparator.comparing(ServiceEntry::name)).toList();
		for (int i = 0; i < this.entries.size(); i++) {
			ServiceEntry e = this.entries.get(i);
			add(i, e.name(), 5);
			add(i, e.providerName(), 2);
			add(i, categoryLabels.getOrDefault(e.category().name(), e.category().name()), 3);
			add(i, e.description(), 1);
		}
	}

	/** The entries the index was built over (the active ones), sorted by name. */
	public List<ServiceEntry> entries() {
		return byName;
	}

	public List<ServiceEntry> search(ServiceQuery q) {
		List<String> words = queryWords(q.text());
		Map<Integer, Integer> scores = new HashMap<>();
		if (words.isEmpty()) {
			for (int i = 0; i < entries.size(); i++) {
				scores.put(i, 0);
			}
		}
		else {
			for (int w = 0; w < words.size(); w++) {
				Map<Integer, Integer> hits = match(words.get(w));
				if (w == 0) {
					scores.putAll(hits);
				}
				else {
					scores.keySet().retainAll(hits.keySet());
					hits.forEach((i, s) -> scores.computeIfPresent(i, (k, old) -> old + s));
				}
			}
		}
		List<Integer> found = new ArrayList<>(scores.keySet());
		found.removeIf(i -> !passes(entries.get(i), q));
		// Best matches first; among equals, the order of the categories (crisis,
		// counseling, psychiatry, peer support…).
		found.sort(Comparator.<Integer>comparingInt(scores::get)
			.reversed()
			.thenComparing(i -> entries.get(i).category().ordinal())
			.thenComparing(i -> entries.get(i).name()));
		return found.stream().map(entries::get).toList();
	}

	int size() {
		return entries.size();
	}

	private Map<Integer, Integer> match(String word) {
		Map<Integer, Integer> hits = new HashMap<>();
		if (word.startsWith("~")) {
			postings.getOrDefault(word, Map.of()).forEach((i, weight) -> hits.merge(i, 3 * weight, Math::max));
			return hits;
		}
		LevenshteinDistance distance = word.length() >= 7 ? TWO : ONE;
		for (Map.Entry<String, Map<Integer, Integer>> posting : postings.entrySet()) {
			String term = posting.getKey();
			int quality;
			if (term.equals(word)) {
				quality = 3;
			}
			else if (word.length() >= 3 && term.startsWith(word)) {
				quality = 2;
			}
			else if (Math.abs(term.length() - word.length()) <= 2 && word.length() >= 4
					&& distance.apply(term, word) >= 0) {
				quality = 1;
			}
			else {
				continue;
			}
			posting.getValue().forEach((i, weight) -> hits.merge(i, quality * weight, Math::max));
		}
		return hits;
	}

	private static boolean passes(ServiceEntry e, ServiceQuery q) {
		return (q.audience() == null || e.audiences().contains(q.audience()))
				&& (q.category() == null || e.category() == q.category())
				&& (q.confidentiality() == null || e.confidentiality() == q.confidentiality())
				&& (!q.freeOnly() || e.free()) && (!q.afterHoursOnly() || e.afterHours())
				&& (!q.virtualOnly() || e.virtualOption());
	}

	private void add(int entry, String text, int weight) {
		Set<String> all = new HashSet<>(words(text));
		if (text != null) {
			all.addAll(SearchSynonyms.termsIn(fold(text)));
		}
		for (String word : all) {
			postings.computeIfAbsent(word, k -> new HashMap<>()).merge(entry, weight, Math::max);
		}
	}

	/**
	 * The query's words, a synonym phrase ("PTSD", "moral injury") standing as its
	 * group's one term; a synonym term matches exactly, never by prefix or typo.
	 */
	static List<String> queryWords(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String rewritten = SearchSynonyms.rewrite(fold(text));
		List<String> out = new java.util.ArrayList<>();
		for (String part : rewritten.split("\\s+")) {
			if (part.startsWith("~")) {
				out.add(part);
			}
			else {
				out.addAll(words(part));
			}
		}
		return out.stream().distinct().toList();
	}

	private static String fold(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
	}

	static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
		Set<String> stop = Set.of("a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "de", "la", "el", "y",
				"en");
		return Arrays.stream(NON_WORD.split(folded))
			.filter(w -> w.length() > 1 && !stop.contains(w))
			.distinct()
			.toList();
	}

}
