package org.cpr.assessment;

import java.util.Set;
import java.util.UUID;

import org.cpr.directory.ServiceCategory;

/**
 * A tailored next step: when a band (or a flag) shows, point to a directory service or
 * say the fallback text (in English, and in Spanish when {@code fallbackTextEs} is given;
 * a Spanish reader sees the English text until it is).
 */
public record NextStepRule(UUID id, int position, String instrumentId, Set<String> bands, String flag,
		ServiceCategory category, String directorySlug, String fallbackText, String fallbackTextEs) {

	/** The fallback text in the reader's language, English when there is none. */
	public String fallbackText(java.util.Locale locale) {
		boolean spanish = locale != null && "es".equals(locale.getLanguage());
		return spanish && fallbackTextEs != null && !fallbackTextEs.isBlank() ? fallbackTextEs : fallbackText;
	}

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
