package org.cpr.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * One aggregate a principal wants to see.
 *
 * @param cellKey the caller's key for the cell (returned with the result)
 * @param parentKey the cell one level up the hierarchy (org unit parent or the unfiltered
 * group), or null at the top; a suppressed cell rolls up to it
 * @param depth hierarchy/filter depth, 0 at the top: the gate releases shallower cells
 * first, so a small group shows inside its parent
 * @param filterAttributes the attribute filters applied (e.g. {@code ["pgy","site"]});
 * the org unit itself is not an attribute
 * @param contributions every unit that contributes to the cell
 */
public record CellRequest(String cellKey, String parentKey, int depth, List<String> filterAttributes,
		List<Contribution> contributions) {

	public CellRequest {
		Objects.requireNonNull(cellKey, "cellKey");
		filterAttributes = List.copyOf(filterAttributes);
		contributions = List.copyOf(contributions);
	}

	public long respondents() {
		long n = 0;
		for (Contribution c : contributions) {
			n += c.count();
		}
		return n;
	}

	long positives() {
		long p = 0;
		for (Contribution c : contributions) {
			p += c.positives();
		}
		return p;
	}
}
