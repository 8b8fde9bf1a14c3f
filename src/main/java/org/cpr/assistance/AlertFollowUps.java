package org.cpr.assistance;

import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * From a safety alert (or a contact request) to care: a clinician opens the person's
 * episode from the alert, then books them or lets them book. Anonymous check-in alerts
 * have no person and cannot.
 */
public interface AlertFollowUps {

	/** An alert waiting for follow-up here (id and tier only). */
	record FollowUp(UUID alertId, String tier, java.time.Instant receivedAt) {
	}

	List<FollowUp> pending();

	/**
	 * Opens (or joins) the alert's person's episode with the clinician in its care team.
	 * @throws AssistanceRefused UNKNOWN_PERSON when the alert is unknown or anonymous
	 */
	Episode openEpisode(UUID alert, PersonId clinician);

}
