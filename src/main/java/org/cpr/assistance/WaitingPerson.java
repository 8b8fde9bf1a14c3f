package org.cpr.assistance;

import java.time.Instant;

import org.cpr.shared.PersonId;

/** Someone on the waiting list, since when, and the modality they prefer (null: any). */
public record WaitingPerson(PersonId person, Modality modality, Instant requestedAt) {
}
