package org.cpr.assessment;

import java.util.Map;
import java.util.Set;

/**
 * A person's unfinished snapshot: its idempotency key, the answers so far by instrument,
 * and skipped optional steps.
 */
public record SnapshotDraft(String key, Map<String, Map<String, Object>> answers, Set<String> skipped) {

	public Map<String, Object> of(String instrumentId) {
		return answers.getOrDefault(instrumentId, Map.of());
	}
}
