package org.cpr.assessment;

/**
 * One page of the snapshot as a person sees it. {@code followUpOf} names the screener it
 * follows.
 */
public record PlannedStep(String instrumentId, boolean optional, String followUpOf) {
}
