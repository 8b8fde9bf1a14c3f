package org.cpr.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

import org.cpr.courses.OfferingId;
import org.cpr.courses.Session;
import org.cpr.courses.SessionId;
import org.junit.jupiter.api.Test;

/**
 * A course e-mail writes the session's date in the reader's language, not always English.
 */
class CourseMailDatesTests {

	Session saturdayNoon = new Session(new SessionId(UUID.randomUUID()), new OfferingId(UUID.randomUUID()),
			ZonedDateTime.of(2026, 12, 12, 12, 0, 0, 0, ZoneId.of("America/Denver")),
			ZonedDateTime.of(2026, 12, 12, 13, 0, 0, 0, ZoneId.of("America/Denver")), "Room 101", null, 20, false, 0);

	@Test
	void aSpanishReaderGetsTheDayAndMonthInSpanish() {
		assertThat(CourseMailer.when(saturdayNoon, Locale.forLanguageTag("es"))).contains("sábado")
			.contains("diciembre")
			.contains("(America/Denver)");
		assertThat(CourseMailer.when(saturdayNoon, Locale.ENGLISH)).contains("Saturday").contains("December");
	}

}
