package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cpr.assistance.AssistanceRefused;
import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.Availability;
import org.cpr.assistance.Modality;
import org.cpr.assistance.Slot;
import org.cpr.assistance.SlotsOpened;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Availability} over the module's own stores: callers see only the interface. */
@Service("availability")
class AvailabilityService implements Availability {

	private final SlotStore slots;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LocalTime officeStart;

	private final LocalTime officeEnd;

	AvailabilityService(SlotStore slots, ApplicationEventPublisher events, Clock clock,
			@Value("${cpr.assistance.office-hours-start:08:00}") LocalTime officeStart,
			@Value("${cpr.assistance.office-hours-end:18:00}") LocalTime officeEnd) {
		this.slots = slots;
		this.events = events;
		this.clock = clock;
		this.officeStart = officeStart;
		this.officeEnd = officeEnd;
	}

	@Override
	@Transactional
	public List<Slot> publish(PersonId clinician, Plan plan) {
		validate(plan);
		Instant now = clock.instant();
		UUID series = UUID.randomUUID();
		List<Slot> published = new ArrayList<>();
		LocalDate last = plan.until() == null ? plan.from() : plan.until();
		for (LocalDate day = plan.from(); !day.isAfter(last); day = day.plusDays(1)) {
			if (plan.until() != null && !plan.days().isEmpty() && !plan.days().contains(day.getDayOfWeek())) {
				continue;
			}
			ZonedDateTime start = ZonedDateTime.of(day, plan.start(), plan.zone());
			for (int i = 0; i < plan.slotsPerDay(); i++, start = start.plusMinutes(plan.minutes())) {
				ZonedDateTime end = start.plusMinutes(plan.minutes());
				if (!start.toInstant().isAfter(now) || slots.overlaps(clinician, start.toInstant(), end.toInstant())) {
					continue;
				}
				Slot slot = new Slot(UUID.randomUUID(), clinician, start, end, plan.modality(), afterHours(start, end),
						weekend(start), "OPEN");
				slots.insert(slot, series, now);
				published.add(slot);
			}
		}
		if (published.isEmpty()) {
			throw new AssistanceRefused(Reason.INVALID_PLAN);
		}
		events.publishEvent(new SlotsOpened(published.size()));
		return published;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Slot> search(Instant from, Instant to, Modality modality, PersonId clinician, int limit) {
		Instant now = clock.instant();
		Instant start = from == null || from.isBefore(now) ? now : from;
		return slots.open(start, to == null ? start.plus(Duration.ofDays(28)) : to, modality, clinician, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Slot> upcoming(int days, Modality modality, int limit) {
		Instant now = clock.instant();
		return slots.open(now, now.plus(Duration.ofDays(days)), modality, null, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Slot> ofClinician(PersonId clinician, int days) {
		Instant now = clock.instant();
		return slots.ofClinician(clinician, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(days)));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<Slot> find(UUID slot) {
		return slots.find(slot);
	}

	@Override
	@Transactional
	public boolean withdraw(UUID slot, PersonId clinician) {
		return slots.withdraw(slot, clinician);
	}

	boolean afterHours(ZonedDateTime start, ZonedDateTime end) {
		return start.toLocalTime().isBefore(officeStart) || end.toLocalTime().isAfter(officeEnd)
				|| !end.toLocalDate().equals(start.toLocalDate());
	}

	static boolean weekend(ZonedDateTime start) {
		return start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static void validate(Plan p) {
		boolean ok = p.from() != null && p.start() != null && p.zone() != null && p.modality() != null
				&& p.minutes() >= 15 && p.minutes() <= 180 && p.slotsPerDay() >= 1 && p.slotsPerDay() <= 16
				&& (p.until() == null
						|| (!p.until().isBefore(p.from()) && p.from().plusDays(MAX_SERIES_DAYS).isAfter(p.until())));
		if (!ok) {
			throw new AssistanceRefused(Reason.INVALID_PLAN);
		}
	}

}
