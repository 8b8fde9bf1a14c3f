package org.cpr.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.cpr.calendar.CalendarEntry;
import org.junit.jupiter.api.Test;

/**
 * Kept event texts make a calendar that is still valid RFC 5545, and any change of an
 * event is written anew.
 */
class ICalendarWriterTests {

	static CalendarEntry entry(String uid, int sequence, boolean cancelled) {
		return new CalendarEntry(uid, sequence, Instant.parse("2031-09-02T18:00:00Z"),
				Instant.parse("2031-09-02T19:30:00Z"), ZoneId.of("America/Denver"),
				"Cuidar al que cuida: taller de resiliencia",
				"Una descripción larga con acentos y comas, punto y coma; y una línea nueva\nque obliga a plegar las líneas a 75 octetos "
						+ "como pide el RFC 5545 para que todos los clientes la lean igual.",
				"Education Center, Room 2", "https://cpr.example.org/courses/offerings/x", cancelled);
	}

	@Test
	void keptEventsStillMakeAValidFoldedCalendarAndAChangedEventIsWrittenAnew() throws Exception {
		String first = ICalendarWriter.write("CPR", List.of(entry("a@cpr", 0, false), entry("b@cpr", 0, false)),
				Instant.parse("2031-01-01T00:00:00Z"));
		String again = ICalendarWriter.write("CPR", List.of(entry("a@cpr", 0, false), entry("b@cpr", 0, false)),
				Instant.parse("2031-02-01T00:00:00Z"));
		assertThat(again).as("the same events, the same text (DTSTAMP of their first writing)").isEqualTo(first);
		for (String line : first.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		Calendar parsed = new CalendarBuilder().build(new StringReader(first));
		parsed.validate();
		assertThat(parsed.getComponents(Component.VEVENT)).hasSize(2);
		assertThat(parsed.getComponents(Component.VTIMEZONE)).hasSize(1);
		assertThat(first).startsWith("BEGIN:VCALENDAR").endsWith("END:VCALENDAR\r\n");

		String cancelled = ICalendarWriter.write("CPR", List.of(entry("a@cpr", 1, true), entry("b@cpr", 0, false)),
				Instant.parse("2031-03-01T00:00:00Z"));
		assertThat(cancelled).contains("STATUS:CANCELLED", "SEQUENCE:1", "DTSTAMP:20310301T000000Z")
			.isNotEqualTo(first);
		new CalendarBuilder().build(new StringReader(cancelled)).validate();
	}

}
