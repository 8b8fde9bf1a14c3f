package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.List;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/**
 * A peer supporter as the roster shows them.
 *
 * @param languages language codes such as {@code en}, {@code es}
 * @param available taking new requests (the coordinator's or the supporter's switch)
 * @param maxLoad open requests the supporter takes at most
 * @param pausedUntil "I need a break": not proposed until after this day (null when not
 * paused)
 * @param currentLoad open requests assigned now
 * @param training the most recent training, or null when none is recorded
 */
public record SupporterProfile(PersonId person, TraineeType profession, String specialty, OrgUnitId site,
		List<String> languages, boolean available, int maxLoad, LocalDate pausedUntil, int currentLoad,
		Training training) {

	public SupporterProfile {
		languages = List.copyOf(languages);
	}

	public boolean pausedOn(LocalDate day) {
		return pausedUntil != null && !day.isAfter(pausedUntil);
	}

	public boolean trainedOn(LocalDate day) {
		return training != null && training.currentOn(day);
	}

	/** Refresher due within 30 days (or overdue): the roster flags it. */
	public boolean refresherSoon(LocalDate day) {
		return training != null && !day.plusDays(30).isBefore(training.refresherDue());
	}
}
