package org.cpr.assessment;

import java.util.UUID;

/** The stored submission and whether this call only replayed it. */
public record SubmissionOutcome(UUID submissionId, boolean replay) {
}
