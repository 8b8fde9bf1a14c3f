package org.cpr.assistance;

import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Referrals to services of the directory: the person's recorded consent, a warm hand-off
 * message (sealed under the episode's key), status from referred to closed or not taken
 * up, and a follow-up day on which the referring clinician is reminded
 * ({@code cpr.assistance.referral-follow-up-days}).
 */
public interface Referrals {

	/** Longest hand-off message. */
	int MAX_HANDOFF = 2000;

	/**
	 * Refers the episode's person to a directory service.
	 * @throws AssistanceRefused NOT_TREATING, EPISODE_CLOSED, UNKNOWN_SERVICE,
	 * CONSENT_REQUIRED or HANDOFF_REQUIRED
	 */
	Referral refer(UUID episode, PersonId clinician, UUID service, String handoff, boolean consent);

	/**
	 * Moves a referral on; an open status sets the next follow-up day.
	 * @throws AssistanceRefused UNKNOWN_REFERRAL, NOT_TREATING or STATUS_NOT_ALLOWED
	 */
	void update(UUID referral, PersonId clinician, ReferralStatus status);

	/** The person's own referrals with the hand-off message they agreed to. */
	List<Referral> ofPerson(PersonId person);

}
