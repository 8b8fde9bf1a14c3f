package org.cpr.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cpr.shared.PersonId;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SubmissionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mixing pool's flush: at least k per batch, once per answer across racing nodes, all
 * or nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AnonymousResponsePoolTests {

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	AnonymousResponsePool pool;

	@Autowired
	WaveScheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	UUID waveWith(int answers) {
		PersonId fac = new PersonId(UUID.randomUUID());
		UUID c = campaigns.create(fac, "Pool", "phq-2", "1", PrivacyMode.ANONYMOUS, 5, 10);
		UUID wave = campaigns.addWave(c, "w", LocalDate.now(clock), LocalDate.now(clock).plusDays(1));
		campaigns.launch(fac, c);
		for (int i = 0; i < answers; i++) {
			submissions.submit(wave, new PersonId(UUID.randomUUID()), "k" + i, Map.of("1", i % 4, "2", 1),
					new SubmissionContext(null, null, null));
		}
		return wave;
	}

	int readable(UUID wave) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?", Integer.class, wave);
	}

	@Test
	void everyBatchHoldsAtLeastKAnswersAndTheLastOneToo() {
		UUID wave = waveWith(13);
		// 10th answer: 5 move, 5 stay back; 11-13 wait (pool 8 < 2k).
		assertThat(readable(wave)).isEqualTo(5);
		assertThat(pool.pending(wave)).isEqualTo(8);
		assertThat(pool.flushClosed(wave)).as("an open wave keeps its remainder").isZero();
		clock.advance(Duration.ofDays(2));
		assertThat(scheduler.run().released()).isGreaterThanOrEqualTo(8);
		assertThat(readable(wave)).isEqualTo(13);
		assertThat(pool.pending(wave)).isZero();
		assertThat(jdbc.queryForList("SELECT DISTINCT submitted_on FROM survey_response_anon WHERE wave_id = ?",
				LocalDate.class, wave))
			.allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(LocalDate.now(clock).minusDays(1)));
	}

	@Test
	void racingNodesMoveEachAnswerExactlyOnce() throws Exception {
		UUID wave = waveWith(9);
		clock.advance(Duration.ofDays(2));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		List<Future<Integer>> moved = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			moved.add(nodes.submit(() -> {
				start.await();
				return pool.flushClosed(wave);
			}));
		}
		start.countDown();
		int total = 0;
		for (Future<Integer> f : moved) {
			total += f.get();
		}
		nodes.shutdown();
		assertThat(total).isEqualTo(9);
		assertThat(readable(wave)).isEqualTo(9);
		assertThat(pool.pending(wave)).isZero();
	}

	@Test
	void aFlushThatFailsMovesNothingAndLosesNothing() {
		UUID wave = waveWith(7);
		clock.advance(Duration.ofDays(2));
		UUID broken = jdbc.queryForList("SELECT id FROM survey_response_pool WHERE wave_id = ?", UUID.class, wave)
			.get(3);
		String sealed = jdbc.queryForObject("SELECT sealed FROM survey_response_pool WHERE id = ?", String.class,
				broken);
		jdbc.update("UPDATE survey_response_pool SET sealed = ? WHERE id = ?",
				sealed.substring(0, sealed.length() - 4) + "AAAA", broken);
		assertThatThrownBy(() -> pool.flushClosed(wave)).isInstanceOf(IllegalStateException.class);
		assertThat(readable(wave)).isZero();
		assertThat(pool.pending(wave)).isEqualTo(7);
		jdbc.update("UPDATE survey_response_pool SET sealed = ? WHERE id = ?", sealed, broken);
		assertThat(pool.flushClosed(wave)).isEqualTo(7);
		assertThat(readable(wave)).isEqualTo(7);
	}

}
