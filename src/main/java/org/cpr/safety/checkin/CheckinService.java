package org.cpr.safety.checkin;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.safety.SafetyConcern;
import org.cpr.shared.IdempotencyLedger;
import org.cpr.shared.PersonId;

/**
 * Anonymous check-in (ISP model): the screening is stored with the day only, and its
 * {@link SafetyConcern} is published in the same transaction, so the event publication
 * registry turns every committed check-in into exactly one alert. The dialogue is sealed
 * at rest.
 */
public interface CheckinService {

	/**
	 * The idempotency key was already used by another account's check-in, or its first
	 * use is still being stored: nothing is stored, the participant sends again.
	 */
	final class HandleUnavailableException extends RuntimeException {

		public HandleUnavailableException() {
			super("handle unavailable");
		}

	}

	/**
	 * What the participant is shown after sending: the day and the reply window, nothing
	 * else.
	 */
	record Receipt(LocalDate submittedOn, LocalDate replyBy, boolean crisisResources) {
	}

	/**
	 * The account for this handle and passphrase, if they match; throws
	 * {@link CheckinThrottledException} when this handle (or everyone) tried too often.
	 */
	Optional<UUID> signIn(String handle, String passphrase);

	/**
	 * An opaque, short-lived token standing for the account, carried in form bodies only.
	 */
	String tokenFor(UUID account);

	/** The account a token stands for, while it is fresh and the account still exists. */
	Optional<UUID> accountOf(String token);

	/**
	 * Stores a screening once per idempotency key (the shared {@link IdempotencyLedger},
	 * claimed in this transaction), creating the account on first use of the handle.
	 */
	Receipt submit(String handle, String passphrase, String doorbell, String idempotencyKey,
			CheckinInstruments.Outcome outcome);

	/** The participant's own thread (the latest screening and every message). */
	Optional<CheckinThread> threadOf(UUID account);

	/**
	 * The participant writes; the alert of their latest check-in shows a reply waiting
	 * and its clinician is told.
	 */
	void participantWrites(UUID account, String body);

	/**
	 * "Reveal myself": only the participant triggers it. It opens an identified
	 * consultation request (the name and contact they typed, or their signed-in identity)
	 * that resilience clinicians see.
	 */
	void reveal(UUID account, String name, String contact, PersonId signedIn);

	/**
	 * Deletes the account with its doorbell address, screenings, messages and reveal
	 * requests.
	 */
	void delete(UUID account);

	/**
	 * A clinician opens a check-in; every view is audited, found or not. The page shows
	 * the whole dialogue of the account, so no alert of it keeps a "new reply" mark.
	 */
	Optional<CheckinThread> open(UUID submissionId, PersonId clinician);

	boolean clinicianReplies(UUID submissionId, PersonId clinician, String body);

	/** Which check-in each alert belongs to, for the counselor inbox's links. */
	Map<UUID, UUID> submissionsByAlert();

}
