package org.cpr.peersupport;

import java.time.LocalDate;

/**
 * What a supporter logs after an encounter (see {@link Encounter}); every field is
 * required.
 */
public record EncounterEntry(LocalDate occurredOn, DurationBand duration, EncounterType type, Boolean referredDirectory,
		Boolean referredClinician, Boolean referredEap) {
}
