package org.cpr.assistance;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A booked (or cancelled) appointment. The reason, when given, is only in the episode
 * view.
 */
public record Appointment(UUID id, UUID slotId, UUID episodeId, PersonId person, PersonId clinician,
		ZonedDateTime start, ZonedDateTime end, Modality modality, boolean cancelled, BookingSource source,
		int sequence, Instant bookedAt) {
}
