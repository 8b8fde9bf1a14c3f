package org.cpr.courses;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The registration burst on the embedded database (the PostgreSQL run is
 * {@link RegistrationBurstPostgresIT}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegistrationBurstTests extends RegistrationBurstScenario {

	@Test
	void aHundredPeopleForTheLastTenSeats() throws Exception {
		burst(30, 20, 100);
	}

}
