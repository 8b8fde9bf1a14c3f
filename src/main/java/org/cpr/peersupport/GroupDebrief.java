package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/**
 * A group debrief after a critical incident: where, when, who facilitated and how many
 * came (no names of attendees).
 */
public record GroupDebrief(UUID id, OrgUnitId unit, LocalDate heldOn, List<PersonId> facilitators, int attendance) {

	public GroupDebrief {
		facilitators = List.copyOf(facilitators);
	}
}
