package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.cpr.assistance.Appointment;
import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.RecentCalendarSource;
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
class AssistanceCalendar extends RecentCalendarSource {

	static final String SUMMARY = "Appointment with the resilience program";

	private final AppointmentStore appointments;

	AssistanceCalendar(AppointmentStore appointments, Clock clock,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		super(clock, baseUrl);
		this.appointments = appointments;
	}

	@Override
	protected List<CalendarEntry> entriesSince(PersonId person, Instant since) {
		return appointments.forCalendar(person, since).stream().map(this::entry).toList();
	}

	CalendarEntry entry(Appointment a) {
		return new CalendarEntry("assistance-" + a.id() + "@cpr", a.sequence(), a.start().toInstant(),
				a.end().toInstant(), a.start().getZone(), SUMMARY, null, null, link("/assistance/mine"), a.cancelled());
	}

}
