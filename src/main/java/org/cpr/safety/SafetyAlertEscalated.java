package org.cpr.safety;

import java.util.UUID;

import org.cpr.shared.PersonId;

/** Nobody acknowledged an alert in time; it moved to the next step of the ladder. */
public record SafetyAlertEscalated(UUID alertId, AlertTier tier, int level, PersonId assignedTo) {
}
