package org.cpr.cqi;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.support.LinkageProbe;
import org.cpr.support.MutableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #11 for speak-up: twelve known people each do something signed in (modelled by a
 * row in a test-owned identified table, standing for a session touch, an audit entry, a
 * login) and right after send an anonymous report. After the weekly batch is released,
 * {@link LinkageProbe} tries to join the reports to those identified rows.
 */
final class SpeakUpLinkageScenario {

	private SpeakUpLinkageScenario() {
	}

	static List<String> run(MockMvc mvc, JdbcTemplate jdbc, MutableClock clock, SpeakUpChannel channel)
			throws Exception {
		jdbc.execute(
				"CREATE TABLE IF NOT EXISTS linkage_probe_activity (run_id VARCHAR(36) NOT NULL, person_id UUID NOT NULL)");
		String run = UUID.randomUUID().toString();
		Map<String, String> truth = new LinkedHashMap<>();
		for (int i = 0; i < 12; i++) {
			UUID person = UUID.randomUUID();
			jdbc.update("INSERT INTO linkage_probe_activity (run_id, person_id) VALUES (?, ?)", run, person);
			String body = "Linkage " + run + " report " + i + " about handover on ward " + (i * 7 % 12);
			mvc.perform(post("/speak-up").with(csrf())
				.param("channel", "SYSTEMIC")
				.param("category", "WORKFLOW")
				.param("body", body)
				.param("wantsReplies", "false")
				.param("idempotencyKey", UUID.randomUUID().toString())).andExpect(status().isOk());
			truth.put(person.toString(), body);
		}
		clock.advance(Duration.ofDays(7));
		channel.reviewQueue(ReportChannel.SYSTEMIC);
		return LinkageProbe.on(jdbc)
			.anonymous("cqi_report", "body", "body LIKE 'Linkage " + run + "%'")
			.identified("linkage_probe_activity", "person_id", "run_id = '" + run + "'")
			.attack(truth);
	}

}
