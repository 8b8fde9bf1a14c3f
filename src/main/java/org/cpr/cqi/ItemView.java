package org.cpr.cqi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A register item with its solutions and presentations; holds no reporter identity by
 * design.
 */
public record ItemView(UUID id, String title, String problemStatement, UUID hospitalId, String unitName,
		String rotationName, CqiCategory category, CqiStatus status, Set<CqiStatus> nextSteps, String decisionReason,
		LocalDate dueOn, boolean overdue, String youSaid, String weDid, boolean published, Instant createdAt,
		Instant updatedAt, Instant closedAt, List<Solution> solutions, List<Presentation> presentations) {

	public record Solution(String description, Instant proposedAt) {
	}

	public record Presentation(LocalDate presentedOn, PresentationAudience audience, String audienceNote,
			Decision decision, String decisionReason, String followUps) {
	}
}
