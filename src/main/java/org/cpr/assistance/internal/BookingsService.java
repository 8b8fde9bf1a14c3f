package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.assistance.Appointment;
import org.cpr.assistance.AppointmentBooked;
import org.cpr.assistance.AppointmentCancelled;
import org.cpr.assistance.AssistanceRefused;
import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.BookingSource;
import org.cpr.assistance.Bookings;
import org.cpr.assistance.Episode;
import org.cpr.assistance.Modality;
import org.cpr.assistance.Slot;
import org.cpr.assistance.SlotsOpened;
import org.cpr.assistance.WaitingPerson;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Bookings} over the module's own stores: callers see only the interface. */
@Service("bookings")
class BookingsService implements Bookings {

	private final SlotStore slots;

	private final AppointmentStore appointments;

	private final WaitlistStore waitlist;

	private final CareRecordsService records;

	private final AuditPort audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BookingsService(SlotStore slots, AppointmentStore appointments, WaitlistStore waitlist, CareRecordsService records,
			AuditPort audit, ApplicationEventPublisher events, Clock clock) {
		this.slots = slots;
		this.appointments = appointments;
		this.waitlist = waitlist;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
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

	@Override
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

	@Override
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

	@Override
	@Transactional
	public void joinWaitlist(PersonId person, Modality modality) {
		if (waitlist.waiting(person).isPresent()) {
			throw new AssistanceRefused(Reason.ALREADY_WAITING);
		}
		waitlist.insert(person, modality, clock.instant());
	}

	@Override
	@Transactional
	public void leaveWaitlist(PersonId person) {
		waitlist.resolve(person, "WITHDRAWN", clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public boolean waiting(PersonId person) {
		return waitlist.waiting(person).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public List<WaitingPerson> waitlist() {
		return waitlist.all().stream().map(w -> new WaitingPerson(w.person(), w.modality(), w.requestedAt())).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Appointment> ofPerson(PersonId person) {
		return appointments.ofPerson(person);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Appointment> find(UUID appointment) {
		return appointments.find(appointment);
	}

	@Override
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
