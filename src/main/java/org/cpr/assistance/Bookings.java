package org.cpr.assistance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.internal.AppointmentStore;
import org.cpr.assistance.internal.SlotStore;
import org.cpr.assistance.internal.WaitlistStore;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking, cancelling and moving appointments, by the person or by a clinician on their
 * behalf, and the waiting list. A slot is booked by one guarded UPDATE
 * ({@link SlotStore#take}), so any number of simultaneous attempts end with exactly one
 * appointment and every other caller told SLOT_TAKEN.
 */
@Service
public class Bookings {

	/** Longest optional reason a person may give. */
	public static final int MAX_REASON = 500;

	private final SlotStore slots;

	private final AppointmentStore appointments;

	private final WaitlistStore waitlist;

	private final CareRecords records;

	private final AuditPort audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Bookings(SlotStore slots, AppointmentStore appointments, WaitlistStore waitlist, CareRecords records,
			AuditPort audit, ApplicationEventPublisher events, Clock clock) {
		this.slots = slots;
		this.appointments = appointments;
		this.waitlist = waitlist;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Books {@code slot} for {@code person}; opens their episode of care if none is open,
	 * with the slot's clinician in the care team.
	 * @param reason optional, free text (no diagnosis code is asked for), kept sealed in
	 * the episode
	 * @param by the person themself or the clinician booking for them
	 * @throws AssistanceRefused UNKNOWN_SLOT, SLOT_IN_PAST or SLOT_TAKEN; nothing is
	 * changed then
	 */
	@Transactional
	public Appointment book(UUID slot, PersonId person, String reason, BookingSource source, PersonId by) {
		Slot found = slots.find(slot).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_SLOT));
		Instant now = clock.instant();
		if (!found.start().toInstant().isAfter(now)) {
			throw new AssistanceRefused(Reason.SLOT_IN_PAST);
		}
		if (!slots.take(slot, now)) {
			throw new AssistanceRefused(Reason.SLOT_TAKEN);
		}
		Instant requested = waitlist.waiting(person).map(WaitlistStore.Waiting::requestedAt).orElse(now);
		Episode episode = records.openOrJoin(person, found.clinician(), source, null, requested, by);
		UUID id = UUID.randomUUID();
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (text != null && text.length() > MAX_REASON) {
			text = text.substring(0, MAX_REASON);
		}
		appointments.insert(id, found, episode.id(), person,
				text == null ? null : records.seal(episode.id(), text, "reason:" + id), source, by, now);
		waitlist.resolve(person, "BOOKED", now);
		audit.record(AuditEntry.care(by, "ASSIST_APPOINTMENT_BOOKED", "assist_appointment", id.toString())
			.about(person)
			.detail("source=" + source));
		events.publishEvent(new AppointmentBooked(id, false));
		return appointments.find(id).orElseThrow();
	}

	/**
	 * Cancels an appointment; its slot opens again. The person, the appointment's
	 * clinician and any clinician of the care team may cancel.
	 */
	@Transactional
	public void cancel(UUID appointment, PersonId actor) {
		Appointment a = changeable(appointment, actor);
		Instant now = clock.instant();
		appointments.cancel(a.id(), actor, now);
		slots.release(a.slotId(), now);
		audit.record(AuditEntry.care(actor, "ASSIST_APPOINTMENT_CANCELLED", "assist_appointment", a.id().toString())
			.about(a.person()));
		events.publishEvent(new AppointmentCancelled(a.id(), a.slotId()));
		events.publishEvent(new SlotsOpened(1));
	}

	/**
	 * Moves an appointment to another open slot (same UID in calendars, higher sequence);
	 * the old slot opens again.
	 */
	@Transactional
	public Appointment reschedule(UUID appointment, UUID newSlot, PersonId actor) {
		Appointment a = changeable(appointment, actor);
		Slot target = slots.find(newSlot).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_SLOT));
		Instant now = clock.instant();
		if (!target.start().toInstant().isAfter(now)) {
			throw new AssistanceRefused(Reason.SLOT_IN_PAST);
		}
		if (!slots.take(newSlot, now)) {
			throw new AssistanceRefused(Reason.SLOT_TAKEN);
		}
		appointments.move(a.id(), target);
		slots.release(a.slotId(), now);
		records.joinTeam(a.episodeId(), target.clinician());
		audit.record(AuditEntry.care(actor, "ASSIST_APPOINTMENT_MOVED", "assist_appointment", a.id().toString())
			.about(a.person()));
		events.publishEvent(new AppointmentBooked(a.id(), true));
		events.publishEvent(new SlotsOpened(1));
		return appointments.find(a.id()).orElseThrow();
	}

	/**
	 * Puts the person on the waiting list (when no slot fits); their wait counts from
	 * now.
	 */
	@Transactional
	public void joinWaitlist(PersonId person, Modality modality) {
		if (waitlist.waiting(person).isPresent()) {
			throw new AssistanceRefused(Reason.ALREADY_WAITING);
		}
		waitlist.insert(person, modality, clock.instant());
	}

	@Transactional
	public void leaveWaitlist(PersonId person) {
		waitlist.resolve(person, "WITHDRAWN", clock.instant());
	}

	@Transactional(readOnly = true)
	public boolean waiting(PersonId person) {
		return waitlist.waiting(person).isPresent();
	}

	/** Everyone waiting, longest first (for clinicians, who book them). */
	@Transactional(readOnly = true)
	public List<WaitingPerson> waitlist() {
		return waitlist.all().stream().map(w -> new WaitingPerson(w.person(), w.modality(), w.requestedAt())).toList();
	}

	/** The person's appointments, newest first. */
	@Transactional(readOnly = true)
	public List<Appointment> ofPerson(PersonId person) {
		return appointments.ofPerson(person);
	}

	@Transactional(readOnly = true)
	public Optional<Appointment> find(UUID appointment) {
		return appointments.find(appointment);
	}

	/**
	 * The clinician's booked appointments of the coming {@code days} days (from the start
	 * of today, UTC).
	 */
	@Transactional(readOnly = true)
	public List<Appointment> schedule(PersonId clinician, int days) {
		Instant now = clock.instant();
		return appointments.ofClinician(clinician, now.minus(Duration.ofHours(12)), now.plus(Duration.ofDays(days)));
	}

	private Appointment changeable(UUID appointment, PersonId actor) {
		Appointment a = appointments.find(appointment)
			.orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_APPOINTMENT));
		boolean allowed = a.person().equals(actor) || a.clinician().equals(actor)
				|| records.treats(a.episodeId(), actor);
		if (!allowed) {
			throw new AssistanceRefused(Reason.NOT_YOUR_APPOINTMENT);
		}
		if (a.cancelled() || !a.start().toInstant().isAfter(clock.instant())) {
			throw new AssistanceRefused(Reason.APPOINTMENT_PAST);
		}
		return a;
	}

}
