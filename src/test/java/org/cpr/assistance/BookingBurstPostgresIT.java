package org.cpr.assistance;

import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * 200 people try to book 10 slots in the same instant, on PostgreSQL: exactly one
 * appointment per slot.
 */
@SpringBootTest
@PostgresTest
class BookingBurstPostgresIT extends BookingBurstScenario {

	@Test
	void twoHundredPeopleForTenSlots() throws Exception {
		burst(200, 10);
	}

}
