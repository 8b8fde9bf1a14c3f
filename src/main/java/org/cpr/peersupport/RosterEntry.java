package org.cpr.peersupport;

import java.util.List;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;

/** What a coordinator enters to put someone on the roster (or change their entry). */
public record RosterEntry(TraineeType profession, String specialty, OrgUnitId site, List<String> languages,
		boolean available, int maxLoad) {

	public RosterEntry {
		languages = languages == null ? List.of() : List.copyOf(languages);
	}
}
