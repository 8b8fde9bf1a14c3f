package org.cpr.disclosure;

import java.util.List;

/**
 * One released contributor set as the ledger keeps it.
 *
 * @param channel which partition it belongs to: {@code "all"} for every aggregate, or
 * {@code "screen:<measure>"} / {@code "comments:<measure>"} for the stricter rules
 * @param units the units with their respondent and positive counts, sorted by unit key
 */
public record LedgerEntry(String channel, List<UnitWeight> units) {

	public LedgerEntry {
		units = List.copyOf(units);
	}

	/** A unit's weight in a released set. */
	public record UnitWeight(String unit, long count, long positives) {
	}
}
