package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One logged encounter: the minimum, and by construction nothing clinical (no text at
 * all).
 *
 * @param referredDirectory referred to a service of the directory
 * @param referredClinician referred to a resilience clinician
 * @param referredEap referred to the employee assistance program
 */
public record Encounter(UUID id, PeerRequestId request, LocalDate occurredOn, DurationBand duration, EncounterType type,
		boolean referredDirectory, boolean referredClinician, boolean referredEap) {
}
