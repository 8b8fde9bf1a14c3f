package org.cpr.needs;

import java.util.List;

/**
 * One data line of an uploaded schedule: what importing it would do and every problem
 * with it.
 */
public record ScheduleRow(long line, String key, Action action, List<Problem> problems) {

	public enum Action {

		CREATE, UNCHANGED, REJECT

	}

	/** A row-level error: the column and a message key with one argument. */
	public record Problem(String field, String messageKey, String argument) {
	}

	public boolean ok() {
		return problems.isEmpty();
	}
}
