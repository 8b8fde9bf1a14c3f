package org.cpr.assistance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Clinicians' published availability: one-off and weekly recurring slots, marked
 * after-hours or weekend from their local time, and the search a person (or a campus
 * scheduling system) books from.
 */
public interface Availability {

	/** Longest a recurring series may run. */
	int MAX_SERIES_DAYS = 366;

	/**
	 * What a clinician publishes: {@code slotsPerDay} consecutive slots of
	 * {@code minutes} from {@code start} on each of {@code days} between {@code from} and
	 * {@code until} (inclusive); an empty {@code days} or {@code until == null} means the
	 * one day {@code from}.
	 */
	record Plan(LocalDate from, LocalDate until, Set<DayOfWeek> days, LocalTime start, int minutes, int slotsPerDay,
			ZoneId zone, Modality modality) {
	}

	/**
	 * Publishes the plan's slots that lie in the future and do not overlap the
	 * clinician's other slots.
	 * @throws AssistanceRefused INVALID_PLAN when the plan is malformed or yields no
	 * future slot
	 */
	List<Slot> publish(PersonId clinician, Plan plan);

	/**
	 * Open slots starting between now (or {@code from}, if later) and {@code to} (default
	 * 28 days on), soonest first.
	 */
	List<Slot> search(Instant from, Instant to, Modality modality, PersonId clinician, int limit);

	/** Open slots of the coming {@code days} days. */
	List<Slot> upcoming(int days, Modality modality, int limit);

	List<Slot> ofClinician(PersonId clinician, int days);

	java.util.Optional<Slot> find(UUID slot);

	/** Withdraws one of the clinician's open slots; false when booked or not theirs. */
	boolean withdraw(UUID slot, PersonId clinician);

}
