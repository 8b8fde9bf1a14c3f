package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #11 on PostgreSQL: no xmin, ctid, id or hash links an anonymous speak-up report
 * to its sender.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@PostgresTest
@Import(MutableClockConfiguration.class)
class SpeakUpLinkagePostgresIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SpeakUpChannel channel;

	@Test
	void noTransactionIdPhysicalOrderIdOrHashLinksAReportToItsSender() throws Exception {
		clock.set(Instant.parse("2026-03-04T14:03:27Z"));
		assertThat(SpeakUpLinkageScenario.run(mvc, jdbc, clock, channel)).isEmpty();
	}

}
