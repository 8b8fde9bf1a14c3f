package org.cpr.disclosure;

/**
 * A cell that may be shown. The statistic was computed by the gate from the
 * contributions.
 *
 * @param respondents the number of respondents (safe to show as "n =")
 */
public record Released(String cellKey, long respondents, Statistic statistic) implements CellResult {

	@Override
	public boolean released() {
		return true;
	}
}
