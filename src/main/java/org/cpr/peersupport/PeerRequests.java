package org.cpr.peersupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Requests for peer support, from filing to the last encounter. Every view of a request
 * or its encounters is audited about the person it concerns, so it shows in their own
 * access log. Whoever referred someone learns only whether contact was made (never a
 * decline, never content).
 */
public interface PeerRequests {

	/** The first-contact target (24 hours unless configured). */
	Duration target();

	/**
	 * Records that the named clinicians were involved in an event (type and date only)
	 * and opens a reach-in for each, with a proposed supporter. All or nothing: one bad
	 * name changes nothing.
	 */
	List<PeerRequestId> fileReachIn(PersonId filer, EventType type, LocalDate eventDate, List<PersonId> involved);

	/** "I'd like to talk to a peer." */
	PeerRequestId selfRefer(PersonId me, String language);

	/**
	 * A colleague is worried about someone; the colleague will only ever learn "contact
	 * made" or "not yet".
	 */
	PeerRequestId referColleague(PersonId me, PersonId colleague);

	/**
	 * The matching rules' proposal for a request, with reasons (recomputed: load and
	 * pauses change).
	 */
	Optional<MatchProposal> propose(PeerRequest request);

	/** Every supporter the rules allow for this request, best first. */
	List<PersonId> eligibleSupporters(PeerRequest request);

	/**
	 * The coordinator confirms a supporter (the proposal or another eligible one); the
	 * supporter is notified.
	 */
	void confirm(PeerRequestId id, PersonId supporter, PersonId coordinator);

	/** The coordinator's view of one request (audited about the person). */
	PeerRequest forCoordinator(PeerRequestId id, PersonId coordinator);

	/**
	 * The assigned supporter's view of one of their requests; anyone else is told it does
	 * not exist.
	 */
	PeerRequest forSupporter(PeerRequestId id, PersonId supporter);

	/**
	 * A request's encounters, for its supporter or a coordinator (audited about the
	 * person).
	 */
	List<Encounter> encounters(PeerRequest request, PersonId viewer);

	/** The coordinator's queue of open requests (audited as one look at the queue). */
	List<PeerRequest> queue(PersonId coordinator);

	/** The supporter's open requests (each one's listing audited about its person). */
	List<PeerRequest> casesOf(PersonId supporter);

	/**
	 * The supporter reached the person: first contact time is kept for the 24-hour
	 * measure.
	 */
	void contacted(PeerRequestId id, PersonId supporter);

	/** The person declined: respected, and recorded as nothing more than "declined". */
	void declined(PeerRequestId id, PersonId supporter);

	void close(PeerRequestId id, PersonId supporter);

	/**
	 * Logs an encounter (the first one also counts as first contact). Every field is
	 * required; nothing else exists.
	 */
	UUID logEncounter(PeerRequestId id, PersonId supporter, EncounterEntry entry);

	/**
	 * The supporter heard of suicide risk: one button raises a tier-1 alert in the safety
	 * module's crisis protocol (the on-call clinician answers). No note is taken; the
	 * alert names the person only.
	 */
	UUID crisisHandOff(PeerRequestId id, PersonId supporter);

	/**
	 * What the person who filed or referred sees: whom they referred and contact made or
	 * not yet.
	 */
	List<ReferredCase> referredBy(PersonId filer);

	/** The person's own self-referrals, to show them their request is in hand. */
	List<PeerRequest> ownRequests(PersonId me);

	/** Marks overdue requests escalated and tells the coordinators; returns how many. */
	int escalateOverdue();

	/** A referral as the referrer sees it. */
	record ReferredCase(PeerRequestId id, PersonId person, RequestKind kind, Instant filedAt, ReferrerView view) {
	}

}
