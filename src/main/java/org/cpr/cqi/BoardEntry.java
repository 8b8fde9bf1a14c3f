package org.cpr.cqi;

import java.time.LocalDate;

/**
 * One "you said, we did" card: what was raised, what was decided, what changed, and how
 * it was re-measured (or null).
 */
public record BoardEntry(CqiCategory category, CqiStatus status, String youSaid, String weDid, String decisionReason,
		LocalDate updatedOn, Remeasurement remeasured) {
}
