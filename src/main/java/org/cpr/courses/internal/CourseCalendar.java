package org.cpr.courses.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.calendar.CalendarEntry;
import org.cpr.calendar.CalendarSource;
import org.cpr.courses.Offering;
import org.cpr.courses.RegistrationStatus;
import org.cpr.courses.SessionEvents;
import org.cpr.courses.Session;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts on a person's calendar every session of the offerings they hold a seat in or facilitate,
 * from 90 days back; cancelled sessions stay, as STATUS:CANCELLED with the same UID.
 */
@Component
public class CourseCalendar implements CalendarSource {

    static final Duration HISTORY = Duration.ofDays(90);

    private final OfferingStore offerings;
    private final RegistrationStore registrations;
    private final Clock clock;
    private final String baseUrl;

    CourseCalendar(OfferingStore offerings, RegistrationStore registrations, Clock clock,
                   @Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
        this.offerings = offerings;
        this.registrations = registrations;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<CalendarEntry> entriesFor(PersonId person) {
        Set<UUID> ids = new LinkedHashSet<>(offerings.facilitatedBy(person));
        registrations.ofPerson(person).stream().filter(r -> r.status() == RegistrationStatus.SEATED)
                .forEach(r -> ids.add(r.offering().value()));
        Instant since = clock.instant().minus(HISTORY);
        List<CalendarEntry> entries = new ArrayList<>();
        for (Offering o : offerings.byIds(ids)) {
            o.sessions().stream().filter(s -> s.end().toInstant().isAfter(since)).forEach(s -> entries.add(SessionEvents.entry(o, s, baseUrl)));
        }
        return entries;
    }
}
