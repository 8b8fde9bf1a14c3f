package org.cpr.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.survey.Audience;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.Schedule;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.Wave;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recurring and rotation-block waves open, invite newcomers, remind once before closing,
 * on the injected clock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class WaveSchedulerTests {

	@Autowired
	CampaignService campaigns;

	@Autowired
	WaveScheduler scheduler;

	@Autowired
	IdentityAudience audience;

	@Autowired
	IdentityManagement identity;

	@Autowired
	SubmissionService submissions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	UUID pedsUnit() {
		return identity.orgUnits()
			.stream()
			.filter(u -> u.code().equals("PRG-PEDS"))
			.findFirst()
			.orElseThrow()
			.id()
			.value();
	}

	UUID launch(Schedule schedule) {
		PersonId actor = identity.byUsername("facilitator").orElseThrow().id();
		UUID id = campaigns.create(actor,
				new CampaignSettings("Pediatrics pulse " + UUID.randomUUID(), null, "phq-2", "1", PrivacyMode.ANONYMOUS,
						5, 10, "CH", new Audience(Set.of(pedsUnit()), Set.of(TraineeType.RESIDENT), Set.of()),
						schedule));
		campaigns.launch(actor, id, audience);
		return id;
	}

	@Test
	void monthlyWavesInviteWhenTheyOpenAndRemindThreeDaysBeforeClosing() {
		clock.set(Instant.parse("2026-12-01T08:00:00Z"));
		UUID id = launch(new Schedule(Schedule.Kind.MONTHLY, LocalDate.parse("2026-12-01"), 10, null,
				LocalDate.parse("2027-02-15")));
		List<Wave> waves = campaigns.waves(id);
		assertThat(waves).extracting(Wave::opensOn)
			.containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-01"),
					LocalDate.parse("2027-02-01"));
		assertThat(waves.get(0).closesOn()).isEqualTo(LocalDate.parse("2026-12-10"));
		int residents = campaigns.find(id).map(c -> audience.resolve(c.audience()).size()).orElseThrow();
		assertThat(residents).isGreaterThanOrEqualTo(5);

		scheduler.run();
		assertThat(invited(waves.get(0).id())).isEqualTo(residents);
		assertThat(invited(waves.get(1).id())).isZero();
		// Running again the same day sends nothing twice.
		scheduler.run();
		assertThat(invited(waves.get(0).id())).isEqualTo(residents);

		// One resident answers; three days before closing the others are reminded, once.
		UUID someone = jdbc.queryForList("SELECT person_id FROM survey_roster WHERE campaign_id = ?", UUID.class, id)
			.get(0);
		submissions.submit(waves.get(0).id(), new PersonId(someone), "k-" + UUID.randomUUID(),
				java.util.Map.of("1", 1, "2", 1), new SubmissionContext(null, null, null));
		clock.set(Instant.parse("2026-12-07T08:00:00Z"));
		scheduler.run();
		assertThat(reminded(waves.get(0).id())).isEqualTo(residents - 1);
		scheduler.run();
		assertThat(reminded(waves.get(0).id())).isEqualTo(residents - 1);

		clock.set(Instant.parse("2027-01-01T08:00:00Z"));
		scheduler.run();
		assertThat(invited(waves.get(1).id())).isEqualTo(residents);
	}

	@Test
	void rotationBlocksOpenAWaveAtTheEndOfEachBlock() {
		clock.set(Instant.parse("2026-12-01T08:00:00Z"));
		UUID id = launch(new Schedule(Schedule.Kind.ROTATION, LocalDate.parse("2026-12-24"), 7, 4,
				LocalDate.parse("2027-03-31")));
		assertThat(campaigns.waves(id)).extracting(Wave::opensOn)
			.containsExactly(LocalDate.parse("2026-12-24"), LocalDate.parse("2027-01-21"),
					LocalDate.parse("2027-02-18"), LocalDate.parse("2027-03-18"));
		scheduler.run();
		assertThat(invited(campaigns.waves(id).get(0).id())).isZero();
	}

	@Test
	void oldIdempotencyKeysArePurged() {
		clock.set(Instant.parse("2026-12-01T08:00:00Z"));
		jdbc.update("INSERT INTO survey_idempotency (key_hash, payload_hash, state, receipt, created_on)"
				+ " VALUES ('old-key', 'p', 'DONE', 'R', DATE '2026-10-01')");
		jdbc.update("INSERT INTO survey_idempotency (key_hash, payload_hash, state, receipt, created_on)"
				+ " VALUES ('new-key', 'p', 'DONE', 'R', DATE '2026-11-25')");
		scheduler.run();
		assertThat(jdbc.queryForList("SELECT key_hash FROM survey_idempotency WHERE key_hash IN ('old-key','new-key')",
				String.class))
			.containsExactly("new-key");
	}

	private int invited(UUID wave) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM survey_invitation WHERE wave_id = ?", Integer.class, wave);
	}

	private int reminded(UUID wave) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM survey_invitation WHERE wave_id = ? AND reminded_on IS NOT NULL", Integer.class,
				wave);
	}

}
