package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cpr.shared.PersonId;

/**
 * Declared as a bean by a module that holds scores of validated instruments taken by
 * identified people (the Resilience Snapshot), so evaluation can compare change among
 * participants and non-participants without reading that module's tables. Evaluation
 * filters by consent itself; the source returns scores only, never answers or free text.
 */
public interface OutcomeMeasures {

	/**
	 * Every score of the given instruments taken on days {@code from} to
	 * {@code toExclusive}, by the given people.
	 */
	List<Measurement> measurements(Set<String> instruments, Set<PersonId> people, LocalDate from,
			LocalDate toExclusive);

	/**
	 * Streams every score of the given instruments taken in the window, ordered by person
	 * and then time, without holding them in memory (the research export). Call inside a
	 * transaction.
	 */
	void forEach(Set<String> instruments, LocalDate from, LocalDate toExclusive,
			java.util.function.Consumer<Measurement> each);

	/** One score. */
	record Measurement(PersonId person, String instrument, LocalDate on, double score) {
	}

}
