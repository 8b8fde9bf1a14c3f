package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Computes released figures from contributions: only the gate computes group statistics.
 */
final class Statistics {

	private Statistics() {
	}

	static Statistic of(MeasureType type, CellRequest cell, RandomGenerator random) {
		return switch (type) {
			case NUMERIC -> numeric(cell);
			case POSITIVE_SCREEN -> {
				long n = cell.respondents();
				long positives = cell.positives();
				yield new Statistic.ScreenCount(positives, 100.0 * positives / n);
			}
			case COMMENTS -> comments(cell, random);
		};
	}

	private static Statistic numeric(CellRequest cell) {
		long n = 0;
		double sum = 0;
		double squares = 0;
		boolean respondentLevel = true;
		SortedMap<Double, Long> distribution = new TreeMap<>();
		for (Contribution c : cell.contributions()) {
			n += c.count();
			sum += c.sum();
			squares += c.sumOfSquares();
			respondentLevel &= c.isRespondent();
			if (c.isRespondent()) {
				distribution.merge(c.sum(), 1L, Long::sum);
			}
		}
		double mean = sum / n;
		double variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
		return new Statistic.NumericSummary(mean, Math.sqrt(variance),
				respondentLevel ? Collections.unmodifiableSortedMap(distribution) : Collections.emptySortedMap());
	}

	private static Statistic comments(CellRequest cell, RandomGenerator random) {
		List<String> texts = new ArrayList<>();
		for (Contribution c : cell.contributions()) {
			if (c.comment() != null && !c.comment().isBlank()) {
				texts.add(c.comment());
			}
		}
		Collections.shuffle(texts, Random.from(random));
		return new Statistic.CommentList(List.copyOf(texts));
	}

}
