package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The safety flow as one module test: a snapshot with a critical answer (PHQ-9 item 9)
 * publishes a pseudonymous {@link SafetyConcern} in its own transaction, and the safety
 * module turns it into exactly one alert. The assessment module is bootstrapped with the
 * modules it depends on (safety among them), the platform wiring and the audit log they
 * need.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "platform", "audit" })
class SnapshotSafetyScenarioTests {

	@Autowired
	SnapshotManagement snapshots;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCriticalAnswerRaisesOnePseudonymousConcernThatBecomesAnAlert(Scenario scenario) {
		PersonId person = new PersonId(UUID.randomUUID());

		scenario
			.stimulate(() -> snapshots.submit(person, UUID.randomUUID().toString(), answers("1"),
					Set.of("pc-ptsd-5", "moral-distress-thermometer")))
			.andWaitForEventOfType(SafetyConcern.class)
			.matching(concern -> "snapshot".equals(concern.sourceType()))
			.toArriveAndVerify((concern, outcome) -> {
				assertThat(concern.sourceId()).isEqualTo(outcome.submissionId().toString());
				assertThat(concern.person()).as("no identity before the person asks for contact").isNull();
				assertThat(concern.tier()).isEqualTo(AlertTier.TIER_2);
				assertThat(concern.reasons()).contains("PHQ9_ITEM9");
			});

		scenario
			.stimulate(() -> snapshots.submit(person, UUID.randomUUID().toString(), answers("2"),
					Set.of("pc-ptsd-5", "moral-distress-thermometer")))
			.andWaitForStateChange(() -> jdbc.queryForList(
					"SELECT tier FROM safety_alert WHERE source_type = 'snapshot' AND tier = 'TIER_1' AND source_id IN "
							+ "(SELECT CAST(id AS VARCHAR(36)) FROM assessment_submission WHERE person_id = ?)",
					String.class, person.value()), tiers -> !tiers.isEmpty())
			.andVerify(tiers -> assertThat(tiers).as("item 9 answered 'more than half the days' is tier 1")
				.containsExactly("TIER_1"));
	}

	/**
	 * The default battery with a positive PHQ-2 (so PHQ-9 follows) and PHQ-9 item 9 as
	 * given.
	 */
	static Map<String, Map<String, Object>> answers(String item9) {
		Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
		answers.put("brs", same(6, 3));
		answers.put("who-5", same(5, 3));
		answers.put("burnout-single-item", same(1, 2));
		answers.put("phq-2", same(2, 2));
		Map<String, Object> phq9 = same(8, 1);
		phq9.put("9", Integer.valueOf(item9));
		answers.put("phq-9", phq9);
		answers.put("gad-2", same(2, 0));
		return answers;
	}

	static Map<String, Object> same(int items, int value) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 1; i <= items; i++) {
			m.put(Integer.toString(i), value);
		}
		return m;
	}

}
