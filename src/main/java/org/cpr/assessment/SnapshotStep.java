package org.cpr.assessment;

/**
 * One configured step of the snapshot battery: an instrument, its optional follow-up and
 * the follow-up's threshold.
 */
public record SnapshotStep(int position, String instrumentId, String followUpId, Double followUpMin, boolean optional) {
}
