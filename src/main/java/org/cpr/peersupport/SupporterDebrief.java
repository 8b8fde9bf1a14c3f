package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * One of a peer supporter's own debriefs: the day, with whom (a resilience clinician or a
 * coordinator, optionally named) and whether it took place. No content.
 */
public record SupporterDebrief(UUID id, PersonId supporter, LocalDate heldOn, DebriefWith with, PersonId withPerson,
		DebriefOutcome outcome) {
}
