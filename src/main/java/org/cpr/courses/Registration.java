package org.cpr.courses;

import java.time.Instant;

import org.cpr.shared.PersonId;

/**
 * A person's registration for an offering.
 *
 * @param arrival the order the request was decided in (lower came first)
 * @param waitlistPosition 1 for the first on the waitlist; 0 when not waitlisted
 */
public record Registration(RegistrationId id, OfferingId offering, PersonId person, RegistrationStatus status,
		long arrival, int waitlistPosition, Instant requestedAt) {
}
