package org.cpr.courses;

import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** 500 people try to take the last 40 seats in the same second, on PostgreSQL. */
@SpringBootTest
@PostgresTest
class RegistrationBurstPostgresIT extends RegistrationBurstScenario {

	@Test
	void fiveHundredPeopleForTheLastFortySeats() throws Exception {
		burst(100, 60, 500);
	}

}
