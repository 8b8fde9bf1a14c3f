package org.cpr.assistance;

import java.util.UUID;

/**
 * A clinician outside the care team was granted time-limited access to an episode (ids
 * only).
 */
public record GlassBroken(UUID grantId, UUID episodeId) {
}
