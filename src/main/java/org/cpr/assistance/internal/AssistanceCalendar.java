package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.cpr.assistance.Appointment;
import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.CalendarSource;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Appointments on the person's and the clinician's calendars. Both see the same neutral
 * entry, "Appointment with the resilience program": no clinician, specialty, reason or
 * person's name, since calendars are shared, synced and shown on lock screens. Cancelled
 * ones stay, with the same UID.
 */
@Component
class AssistanceCalendar implements CalendarSource {

	static final String SUMMARY = "Appointment with the resilience program";
	static final Duration HISTORY = Duration.ofDays(90);

	private final AppointmentStore appointments;

	private final Clock clock;

	private final String baseUrl;

	AssistanceCalendar(AppointmentStore appointments, Clock clock,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.appointments = appointments;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * The entries themselves, fingerprinted: one query, no rendering, and it changes
	 * exactly when the entries do, so a person's feed keeps its ETag and cache with this
	 * source on it.
	 */
	@Override
	public String version(PersonId person) {
		return org.cpr.shared.Digests.sha256Hex(String.valueOf(entriesFor(person)));
	}

	@Override
	public List<CalendarEntry> entriesFor(PersonId person) {
		return appointments.forCalendar(person, clock.instant().minus(HISTORY)).stream().map(this::entry).toList();
	}

	CalendarEntry entry(Appointment a) {
		return new CalendarEntry("assistance-" + a.id() + "@cpr", a.sequence(), a.start().toInstant(),
				a.end().toInstant(), a.start().getZone(), SUMMARY, null, null, baseUrl + "/assistance/mine",
				a.cancelled());
	}

}
