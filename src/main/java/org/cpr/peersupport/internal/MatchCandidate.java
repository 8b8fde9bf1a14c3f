package org.cpr.peersupport.internal;

import java.time.LocalDate;
import java.util.Set;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/**
 * What the matching rules know about one supporter.
 *
 * @param ledUnits org units the supporter leads (program director): people below them are
 * in the supporter's supervisory line
 * @param refresherDue the supporter's training counts until this day (null: never
 * trained)
 */
record MatchCandidate(PersonId person, TraineeType profession, OrgUnitId department, Set<String> languages,
		boolean available, LocalDate pausedUntil, LocalDate refresherDue, int load, int maxLoad,
		Set<OrgUnitId> ledUnits) {

	public MatchCandidate {
		languages = Set.copyOf(languages);
		ledUnits = Set.copyOf(ledUnits);
	}
}
