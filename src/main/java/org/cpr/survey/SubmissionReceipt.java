package org.cpr.survey;

/**
 * A stored (or replayed, for the same idempotency key and answers) submission's receipt
 * code.
 */
public record SubmissionReceipt(String receipt, boolean replay) {
}
