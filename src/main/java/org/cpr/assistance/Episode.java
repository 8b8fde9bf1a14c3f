package org.cpr.assistance;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;

/** An episode of care: who it is for, who treats, and how it began and ended. */
public record Episode(UUID id, PersonId person, boolean open, BookingSource source, UUID alertId, Instant requestedAt,
		Instant openedAt, Instant closedAt, ClosureReason closureReason, Set<PersonId> careTeam) {

	public Episode {
		careTeam = Set.copyOf(careTeam);
	}
}
