package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same sweep on PostgreSQL, whose refusals differ from H2's (it cannot store NUL in
 * text at all), and proof that both of its refusals reach the 4xx safety net as
 * DataIntegrityViolationException.
 */
@PostgresTest
class InputLimitsPostgresIT extends InputLimitsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void postgresRefusalsOfNulAndOverlongTextAreDataIntegrityViolations() {
		UUID id = UUID.randomUUID();
		assertThatThrownBy(() -> jdbc.update("INSERT INTO survey_wave (id, campaign_id, label, opens_on, closes_on)"
				+ " VALUES (?, ?, ?, CURRENT_DATE, CURRENT_DATE)", id, campaign, "nul\u0000here"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.update("INSERT INTO survey_wave (id, campaign_id, label, opens_on, closes_on)"
				+ " VALUES (?, ?, ?, CURRENT_DATE, CURRENT_DATE)", id, campaign, "l".repeat(81)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
