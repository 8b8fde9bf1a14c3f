package org.cpr.assistance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Booking, cancelling and moving appointments, by the person or by a clinician on their
 * behalf, and the waiting list. A slot is booked by one guarded UPDATE
 * ({@link SlotStore#take}), so any number of simultaneous attempts end with exactly one
 * appointment and every other caller told SLOT_TAKEN.
 */
public interface Bookings {

	/** Longest optional reason a person may give. */
	int MAX_REASON = 500;

	/**
	 * Books {@code slot} for {@code person}; opens their episode of care if none is open,
	 * with the slot's clinician in the care team.
	 * @param reason optional, free text (no diagnosis code is asked for), kept sealed in
	 * the episode
	 * @param by the person themself or the clinician booking for them
	 * @throws AssistanceRefused UNKNOWN_SLOT, SLOT_IN_PAST or SLOT_TAKEN; nothing is
	 * changed then
	 */
	Appointment book(UUID slot, PersonId person, String reason, BookingSource source, PersonId by);

	/**
	 * Cancels an appointment; its slot opens again. The person, the appointment's
	 * clinician and any clinician of the care team may cancel.
	 */
	void cancel(UUID appointment, PersonId actor);

	/**
	 * Moves an appointment to another open slot (same UID in calendars, higher sequence);
	 * the old slot opens again.
	 */
	Appointment reschedule(UUID appointment, UUID newSlot, PersonId actor);

	/**
	 * Puts the person on the waiting list (when no slot fits); their wait counts from
	 * now.
	 */
	void joinWaitlist(PersonId person, Modality modality);

	void leaveWaitlist(PersonId person);

	boolean waiting(PersonId person);

	/** Everyone waiting, longest first (for clinicians, who book them). */
	List<WaitingPerson> waitlist();

	/** The person's appointments, newest first. */
	List<Appointment> ofPerson(PersonId person);

	Optional<Appointment> find(UUID appointment);

	/**
	 * The clinician's booked appointments of the coming {@code days} days (from the start
	 * of today, UTC).
	 */
	List<Appointment> schedule(PersonId clinician, int days);

}
