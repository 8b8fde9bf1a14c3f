package org.cpr.calendar.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.cpr.calendar.CalendarEntry;

/** Writes entries as an RFC 5545 calendar with one VTIMEZONE per zone used (ical4j). */
public final class ICalendarWriter {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final ConcurrentMap<ZoneId, VTimeZone> VTIMEZONES = new ConcurrentHashMap<>();

    private ICalendarWriter() {
    }

    public static String write(String name, Collection<CalendarEntry> entries, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CPR platform//Program calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<ZoneId> zones = new LinkedHashSet<>();
        entries.forEach(e -> zones.add(e.zone()));
        zones.forEach(zone -> calendar.add(vtimezone(zone)));
        for (CalendarEntry entry : entries) {
            calendar.add(event(entry, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            // validated in tests (ical4j's validator); not on every feed request, where it costs more than the writing
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("calendar could not be written: " + e.getClass().getSimpleName(), e);
        }
        return out.toString();
    }

    private static VEvent event(CalendarEntry entry, Instant stamp) {
        VEvent event = new VEvent(entry.start().atZone(entry.zone()), entry.end().atZone(entry.zone()), entry.summary());
        event.add(new Uid(entry.uid()));
        event.replace(new DtStamp(stamp));
        event.add(new Sequence(entry.sequence()));
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (entry.description() != null && !entry.description().isBlank()) {
            event.add(new Description(entry.description()));
        }
        if (entry.location() != null && !entry.location().isBlank()) {
            event.add(new Location(entry.location()));
        }
        if (entry.url() != null && !entry.url().isBlank()) {
            event.add(new Url(URI.create(entry.url())));
        }
        return event;
    }

    private static VTimeZone vtimezone(ZoneId zone) {
        return VTIMEZONES.computeIfAbsent(zone, z -> {
            var tz = ZONES.getTimeZone(z.getId());
            if (tz == null) {
                throw new IllegalArgumentException("unknown time zone");
            }
            return tz.getVTimeZone();
        });
    }
}
