package org.cpr.evaluation.internal;

import java.util.Collection;
import java.util.List;

import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Suppressed;
import org.cpr.evaluation.GatedCount;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;

/**
 * Turns people into the gate's opaque units (a keyed hash per round, never a person id)
 * and gate answers into {@link GatedCount}s.
 */
final class GateCells {

	private GateCells() {
	}

	static String unit(KeyedHash hash, String round, PersonId person) {
		return hash.hex("evaluation-unit", round + "|" + person.value()).substring(0, 32);
	}

	static List<Contribution> counted(KeyedHash hash, String round, Collection<PersonId> people) {
		return people.stream().map(p -> Contribution.value(unit(hash, round, p), 1)).toList();
	}

	static GatedCount count(CellResult result) {
		if (result instanceof Released released) {
			return GatedCount.released(released.respondents());
		}
		Suppressed s = (Suppressed) result;
		return GatedCount.withheld(s.messageKey(), s.threshold(), s.moreNeeded());
	}

}
