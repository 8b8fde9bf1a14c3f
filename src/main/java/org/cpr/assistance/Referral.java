package org.cpr.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A referral to a directory service with the warm hand-off message the person agreed to
 * send.
 */
public record Referral(UUID id, UUID episodeId, PersonId person, UUID serviceId, String handoff, Instant consentAt,
		ReferralStatus status, LocalDate followUpOn, PersonId createdBy, Instant createdAt, Instant updatedAt) {
}
