package org.cpr.disclosure;

import java.util.List;
import java.util.SortedMap;

/** A released figure, computed by the gate. */
public sealed interface Statistic {

	/**
	 * {@code numeric}, {@code screen} or {@code comments}: lets templates choose a
	 * rendering.
	 */
	String kind();

	/**
	 * Mean and standard deviation of a numeric measure; {@code distribution} maps each
	 * answered value to its count (empty when the caller passed pre-aggregated units).
	 */
	record NumericSummary(double mean, double standardDeviation,
			SortedMap<Double, Long> distribution) implements Statistic {
		@Override
		public String kind() {
			return "numeric";
		}
	}

	/** Positive screens among the respondents, and their percentage. */
	record ScreenCount(long positives, double percentage) implements Statistic {
		@Override
		public String kind() {
			return "screen";
		}
	}

	/** Comments in random order, without dates or any respondent attribute. */
	record CommentList(List<String> comments) implements Statistic {
		@Override
		public String kind() {
			return "comments";
		}
	}

}
