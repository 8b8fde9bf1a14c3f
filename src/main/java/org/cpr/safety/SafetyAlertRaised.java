package org.cpr.safety;

import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A new alert awaits acknowledgement by {@code assignedTo} (null when nobody is on call).
 */
public record SafetyAlertRaised(UUID alertId, AlertTier tier, PersonId assignedTo) {
}
