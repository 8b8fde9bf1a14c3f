package org.cpr.assistance;

import java.time.Instant;

import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The booking burst on the embedded database (the PostgreSQL run is
 * {@link BookingBurstPostgresIT}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class BookingBurstTests extends BookingBurstScenario {

	@Autowired
	MutableClock mutableClock;

	@Test
	void twoHundredPeopleForTenSlots() throws Exception {
		mutableClock.set(Instant.parse("2026-03-02T09:00:00Z"));
		burst(200, 10);
	}

}
