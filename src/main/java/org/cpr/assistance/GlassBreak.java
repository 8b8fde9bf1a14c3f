package org.cpr.assistance;

import java.time.Instant;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A break-the-glass grant: who, until when (the stated reason is kept sealed and shown to
 * the privacy officer only).
 */
public record GlassBreak(UUID id, UUID episodeId, PersonId clinician, Instant grantedAt, Instant expiresAt) {
}
