package org.cpr.cqi;

import java.time.LocalDate;

/**
 * A presentation of an item to leadership, with what was decided and the follow-ups
 * agreed.
 */
public record PresentationRecord(LocalDate presentedOn, PresentationAudience audience, String audienceNote,
		Decision decision, String decisionReason, String followUps) {
}
