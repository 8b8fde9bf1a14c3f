package org.cpr.assessment;

import java.util.Set;
import java.util.UUID;

import org.cpr.directory.ServiceCategory;

/**
 * A tailored next step: when a band (or a flag) shows, point to a directory service or
 * say the fallback text.
 */
public record NextStepRule(UUID id, int position, String instrumentId, Set<String> bands, String flag,
		ServiceCategory category, String directorySlug, String fallbackText) {

	public boolean matches(SubmittedSnapshot s) {
		if (flag != null && !flag.isBlank()) {
			return s.shown()
				.stream()
				.anyMatch(r -> r.flags().contains(flag)
						&& (instrumentId == null || instrumentId.isBlank() || instrumentId.equals(r.instrumentId())));
		}
		return s.result(instrumentId)
			.filter(r -> !r.superseded() && r.band() != null && bands.contains(r.band()))
			.isPresent();
	}
}
