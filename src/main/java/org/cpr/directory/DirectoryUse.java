package org.cpr.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * How much the directory is used: searches, and views of service pages per category.
 * Counts per day only; no person, session or query text is kept.
 */
public interface DirectoryUse {

	/** Counts one search of the directory. */
	void searched();

	/** Counts one view of a service page of the category. */
	void viewed(ServiceCategory category);

	/**
	 * Searches and page views per category on days {@code from} to {@code toExclusive}.
	 */
	Figures figures(LocalDate from, LocalDate toExclusive);

	/** Searches, and page views per category (categories without a view left out). */
	record Figures(long searches, List<CategoryViews> views) {
	}

	record CategoryViews(ServiceCategory category, long views) {
	}

}
