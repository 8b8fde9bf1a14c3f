package org.cpr.safety;

import java.util.Collection;
import java.util.UUID;

/**
 * Which alerts have an answer from the person that no resilience clinician has opened
 * yet: one e-mail to the clinicians when the person first answers after a clinician
 * looked, not one per message; opening the thread clears the mark. Callers hold the
 * transaction.
 */
public interface RepliesWaiting {

	/** The person answered in the thread of this alert. */
	void personReplied(UUID alertId);

	/** A resilience clinician has the thread of these alerts in front of them. */
	void read(Collection<UUID> alertIds);

}
