package org.cpr.assistance;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * One questionnaire taken in an episode (intake or a later measure), scored by the
 * questionnaire engine. {@code flagged}: a critical item was answered (e.g. PHQ-9 item
 * 9). {@code enteredBy} is the person themself for intake they answered, else the
 * clinician who recorded it with them.
 */
public record Measure(UUID id, UUID versionId, String instrumentId, int versionNumber, Map<String, Object> answers,
		Double score, String band, boolean flagged, Instant takenAt, PersonId enteredBy) {
}
