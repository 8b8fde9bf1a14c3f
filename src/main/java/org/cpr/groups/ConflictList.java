package org.cpr.groups;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * The coordinator's list of attendings who evaluate a trainee (identity has no evaluator
 * relation): a CSV with the columns {@code trainee,evaluator} (usernames), checked in a
 * dry run first and then applied all or nothing. The formation helper never puts a
 * trainee in a group such a person leads.
 */
public interface ConflictList {

	/**
	 * One line of the upload: what applying it would do ({@code new} or {@code known}) or
	 * what is wrong.
	 */
	record Row(long line, String trainee, String evaluator, boolean known, String problemKey) {
		public boolean ok() {
			return problemKey == null;
		}
	}

	/** What applying the CSV would do; changes nothing. */
	List<Row> dryRun(String csv);

	/**
	 * Applies the CSV when every row is valid; returns the rows, or refuses and changes
	 * nothing.
	 */
	int apply(String csv, PersonId by);

}
