package org.cpr.assessment.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cpr.safety.AlertScores;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The scores of the snapshot an alert came from, for the clinician's alert page: every
 * instrument the person saw a result for, the ones whose answers raised the alert marked.
 */
@Component
class SnapshotAlertScores implements AlertScores {

	private final SnapshotHistory history;

	private final Instruments instruments;

	private final MessageSource messages;

	SnapshotAlertScores(SnapshotHistory history, Instruments instruments, MessageSource messages) {
		this.history = history;
		this.instruments = instruments;
		this.messages = messages;
	}

	@Override
	public List<Line> scores(String sourceType, String sourceId, Locale locale) {
		if (!"snapshot".equals(sourceType) || sourceId == null) {
			return List.of();
		}
		UUID submission;
		try {
			submission = UUID.fromString(sourceId);
		}
		catch (IllegalArgumentException notASubmission) {
			return List.of();
		}
		return history.results(submission)
			.stream()
			.filter(r -> !r.superseded())
			.map(r -> new Line(title(r.instrumentId(), locale), r.scoreText(),
					r.band() == null ? "" : messages.getMessage("snapshot.band." + r.band(), null, r.band(), locale),
					r.safety()))
			.toList();
	}

	private String title(String instrumentId, Locale locale) {
		return instruments.exists(instrumentId) ? instruments.form(instrumentId, locale).title() : instrumentId;
	}

}
