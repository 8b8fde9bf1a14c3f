package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an operator's Prometheus sees at /actuator/prometheus: the program's own gauges,
 * counted in the database (an overdue alert shows up at the next scrape), and only for a
 * system administrator.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgramMetricsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	String scrape() throws Exception {
		return mvc.perform(get("/actuator/prometheus").with(user("ops").roles("SYSTEM_ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static double value(String scrape, String series) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
		assertThat(m.find()).as(series + " in the scrape").isTrue();
		return Double.parseDouble(m.group(1));
	}

	@Test
	void anOverdueAlertAndOutstandingPublicationsShowAtTheNextScrape() throws Exception {
		String before = scrape();
		double overdue = value(before, "cpr_safety_alerts_overdue{application=\"cpr-platform\"}");
		double tier1 = value(before, "cpr_safety_alerts_open{application=\"cpr-platform\",tier=\"TIER_1\"}");
		assertThat(before).contains("cpr_events_outstanding{")
			.contains("cpr_events_outstanding_oldest_seconds{")
			.contains("cpr_mail_failures_total{");

		UUID alert = UUID.randomUUID();
		jdbc.update(
				"INSERT INTO safety_alert (id, source_type, source_id, tier, reasons, status, raised_at, ack_deadline)"
						+ " VALUES (?, 'METRICS_TEST', ?, 'TIER_1', 'test', 'OPEN', ?, ?)",
				alert, alert.toString(), Timestamp.from(clock.instant().minus(Duration.ofHours(3))),
				Timestamp.from(clock.instant().minus(Duration.ofHours(2))));
		try {
			String after = scrape();
			assertThat(value(after, "cpr_safety_alerts_overdue{application=\"cpr-platform\"}")).isEqualTo(overdue + 1);
			assertThat(value(after, "cpr_safety_alerts_open{application=\"cpr-platform\",tier=\"TIER_1\"}"))
				.isEqualTo(tier1 + 1);
		}
		finally {
			jdbc.update("DELETE FROM safety_alert WHERE id = ?", alert);
		}
	}

	@Test
	void onlyASystemAdministratorReadsTheMetrics() throws Exception {
		assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get("/actuator/prometheus").with(user("someone").roles("PARTICIPANT")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc
			.perform(
					get("/actuator/prometheus").header("Authorization", "Bearer cpr_demo_participant_4f7d2c9a1b6e8035"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

}
