package org.cpr.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * A person completed a Resilience Snapshot. Carries no identity and no scores: listeners (e.g.
 * evaluation) count participation; the results stay private to the person.
 *
 * @param submissionId the submission
 * @param submittedAt  when it was stored
 */
public record SnapshotSubmitted(UUID submissionId, Instant submittedAt) {
}
