package org.cpr.safety.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.safety.AlertTier;

/**
 * A check-in as a resilience clinician or the participant sees it: the latest screening's
 * scores and tier, the dialogue, and whether the participant asked to reveal who they
 * are.
 */
public record CheckinThread(UUID submissionId, UUID alertId, LocalDate submittedOn, LocalDate replyBy, AlertTier tier,
		CheckinTiering.Scores scores, List<String> reasons, List<Message> messages, List<Reveal> reveals) {

	/** One message; only the day it was sent is kept. */
	public record Message(String author, String body, LocalDate sentOn) {
	}

	/** A participant's request to be contacted as themselves. */
	public record Reveal(String name, String contact, boolean signedInIdentity, LocalDate requestedOn) {
	}

	public boolean revealed() {
		return !reveals.isEmpty();
	}
}
