package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.Role;
import org.cpr.support.OutputNoise;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The program view (I-1, I-3, I-5): a suppressed table looks the same whatever is behind
 * it. Its tables, columns, labels, chart and alt text come from the battery and the
 * instrument definitions, never from which bands or follow-up instruments happen to occur
 * in the data.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgramViewShapeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Clock clock;

	/**
	 * Forgets every snapshot and every release of the snapshot rounds (tests share one
	 * database).
	 */
	static void startAfresh(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM assessment_result");
		jdbc.update("DELETE FROM assessment_submission");
		jdbc.update("DELETE FROM disclosure_release WHERE round_id LIKE 'snapshot-%'");
	}

	@Test
	void twoFullySuppressedDatasetsGiveTheSamePage() throws Exception {
		List<OrgUnitSummary> units = identity.orgUnits();
		startAfresh(jdbc);
		for (int i = 0; i < 3; i++) { // three people: one screened positive and went on
										// to a severe PHQ-9
			UUID s = submission(units.get(0));
			result(s, "brs", "low", "");
			result(s, "phq-2", i == 0 ? "positive" : "negative", i == 0 ? "POSITIVE" : "");
			if (i == 0) {
				result(s, "phq-9", "severe", "POSITIVE");
			}
		}
		String positiveScreen = page();

		startAfresh(jdbc);
		for (int i = 0; i < 4; i++) { // four people elsewhere, nobody positive, no
										// follow-up asked
			UUID s = submission(units.get(1));
			result(s, "brs", "high", "");
			result(s, "phq-2", "negative", "");
		}
		String nobodyPositive = page();

		assertThat(positiveScreen).contains("id=\"bands-phq-9\"").contains("moderately severe");
		assertThat(OutputNoise.strip(positiveScreen)).isEqualTo(OutputNoise.strip(nobodyPositive));
	}

	@Test
	void aGroupInWhichEveryoneScreenedPositiveShowsNoBands() throws Exception {
		startAfresh(jdbc);
		OrgUnitSummary unit = identity.orgUnits().get(0);
		for (int i = 0; i < 12; i++) {
			UUID s = submission(unit);
			result(s, "phq-2", "positive", "POSITIVE");
			result(s, "phq-9", i % 2 == 0 ? "moderate" : "severe", "POSITIVE");
		}
		String page = page();
		String phq9 = page.substring(page.indexOf("id=\"bands-phq-9\""));
		phq9 = phq9.substring(0, phq9.indexOf("</table>"));

		assertThat(phq9).doesNotContain("<td>12</td>")
			.doesNotContain("<td>6</td>")
			.contains("never when everyone screened positive");
	}

	private String page() throws Exception {
		return mvc.perform(get("/snapshot/aggregate").with(signedIn(as(Role.ADMINISTRATOR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private UUID submission(OrgUnitSummary unit) {
		UUID id = UUID.randomUUID();
		jdbc.update(
				"""
						INSERT INTO assessment_submission (id, person_id, org_unit_id, submitted_at, key_hash, payload_hash, high_risk, safety_state)
						VALUES (?, ?, ?, ?, ?, ?, FALSE, 'NONE')""",
				id, UUID.randomUUID(), unit.id().value(), Timestamp.from(clock.instant()), id.toString(), "x");
		return id;
	}

	private void result(UUID submission, String instrument, String band, String flags) {
		jdbc.update(
				"""
						INSERT INTO assessment_result (submission_id, position, instrument_id, version_id, score, band, flags, answers)
						VALUES (?, 1, ?, ?, 1, ?, ?, '{}')""",
				submission, instrument, UUID.randomUUID(), band, flags);
	}

}
