package org.cpr.courses;

import org.cpr.shared.PersonId;

/** A waitlisted person was moved into a freed seat (they get an e-mail). */
public record SeatOffered(OfferingId offering, PersonId person) {
}
