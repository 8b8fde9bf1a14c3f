package org.cpr.needs;

import java.time.LocalDate;
import java.util.UUID;
import org.cpr.shared.PersonId;

/**
 * One person's rotation block: the rotation, the service within it and the dates
 * (inclusive).
 */
public record Block(UUID id, PersonId person, Rotation rotation, String service, LocalDate startsOn, LocalDate endsOn) {
}
