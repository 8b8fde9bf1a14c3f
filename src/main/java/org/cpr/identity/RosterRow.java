package org.cpr.identity;

import java.util.List;

/**
 * One data line of an uploaded roster file, with what importing it would do and what is
 * wrong with it.
 */
public record RosterRow(long line, String key, String action, List<Problem> problems) {

	/** A row-level error: which column and why, as a message key with arguments. */
	public record Problem(String field, String messageKey, String argument) {
	}

	public boolean ok() {
		return problems.isEmpty();
	}
}
