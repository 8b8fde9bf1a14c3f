package org.cpr.calendar.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.FoldingWriter;
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

/**
 * Writes entries as an RFC 5545 calendar with one VTIMEZONE per zone used (ical4j).
 * Building ical4j's objects is most of a feed's cost and a person's events rarely change,
 * so each event's folded text is kept (bounded, least recently used out) under the entry
 * itself: any change of an entry is a new key. A kept event keeps the DTSTAMP of its
 * first rendering, which is what RFC 5545 asks of a calendar without a METHOD (when the
 * event's information was last revised), not the time of the request.
 */
final class ICalendarWriter {

	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private static final ConcurrentMap<ZoneId, VTimeZone> VTIMEZONES = new ConcurrentHashMap<>();

	private static final int KEPT_EVENTS = 20_000;

	private static final int KEPT_HEADS = 1_000;

	private static final Map<String, String> HEADS = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > KEPT_HEADS;
			}
		});

	private static final Map<CalendarEntry, String> EVENTS = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<CalendarEntry, String> eldest) {
				return size() > KEPT_EVENTS;
			}
		});

	private ICalendarWriter() {
	}

	public static String write(String name, Collection<CalendarEntry> entries, Instant stamp) {
		Set<ZoneId> zones = new LinkedHashSet<>();
		entries.forEach(e -> zones.add(e.zone()));
		String head = HEADS.computeIfAbsent(name + "\n" + zones, key -> head(name, zones));
		int end = head.lastIndexOf("END:VCALENDAR");
		StringBuilder text = new StringBuilder(head.length() + entries.size() * 400).append(head, 0, end);
		for (CalendarEntry entry : entries) {
			String event = EVENTS.get(entry);
			if (event == null) {
				event = folded(event(entry, stamp));
				EVENTS.put(entry, event);
			}
			text.append(event);
		}
		return text.append(head, end, head.length()).toString();
	}

	/**
	 * The calendar's properties and VTIMEZONEs (the zones' long histories are most of the
	 * writing), kept per name and zones.
	 */
	private static String head(String name, Set<ZoneId> zones) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//CPR platform//Program calendar//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", name));
		zones.forEach(zone -> calendar.add(vtimezone(zone)));
		StringWriter out = new StringWriter();
		try {
			// validated in tests (ical4j's validator); not on every feed request, where
			// it costs more than the writing
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException | ValidationException e) {
			throw new IllegalStateException("calendar could not be written: " + e.getClass().getSimpleName(), e);
		}
		return out.toString();
	}

	/** The component's lines folded at 75 octets, as CalendarOutputter writes them. */
	private static String folded(VEvent event) {
		StringWriter out = new StringWriter();
		try (FoldingWriter writer = new FoldingWriter(out, FoldingWriter.REDUCED_FOLD_LENGTH)) {
			writer.write(event.toString());
		}
		catch (IOException e) {
			throw new IllegalStateException("event could not be written", e);
		}
		return out.toString();
	}

	private static VEvent event(CalendarEntry entry, Instant stamp) {
		VEvent event = new VEvent(entry.start().atZone(entry.zone()), entry.end().atZone(entry.zone()),
				entry.summary());
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
