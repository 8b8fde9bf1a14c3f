package org.cpr.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One snapshot a person submitted, with its results and the state of its
 * private-or-contact choice.
 */
public record SubmittedSnapshot(UUID id, Instant submittedAt, boolean highRisk, String tier, String safetyState,
		String contactChannel, String contactTime, List<InstrumentResult> results) {

	public List<InstrumentResult> shown() {
		return results.stream().filter(r -> !r.superseded()).toList();
	}

	public Optional<InstrumentResult> result(String instrumentId) {
		return results.stream().filter(r -> r.instrumentId().equals(instrumentId)).findFirst();
	}

	public boolean choicePending() {
		return highRisk && !"PRIVATE".equals(safetyState) && !"CONTACT".equals(safetyState);
	}
}
