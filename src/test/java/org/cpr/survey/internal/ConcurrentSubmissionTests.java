package org.cpr.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SubmissionReceipt;
import org.cpr.survey.SurveyConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Eight simultaneous submits with one key: one response; the others replay it or are told
 * it is in flight (409).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConcurrentSubmissionTests {

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void concurrentRetriesWithOneKeyStoreOneResponse() throws Exception {
		PersonId fac = new PersonId(UUID.randomUUID());
		UUID c = campaigns.create(fac, "Race", "phq-2", "1", PrivacyMode.ANONYMOUS, 5, 10);
		UUID wave = campaigns.addWave(c, "w", LocalDate.now(), LocalDate.now().plusDays(1));
		campaigns.launch(fac, c);
		PersonId resident = new PersonId(UUID.randomUUID());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Object>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					return submissions.submit(wave, resident, "same", Map.of("1", 2, "2", 0),
							new SubmissionContext(null, null, null));
				}
				catch (SurveyConflictException e) {
					return e.status();
				}
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> f : results) {
			outcomes.add(f.get());
		}
		pool.shutdown();
		assertThat(outcomes).allMatch(o -> o instanceof SubmissionReceipt || Integer.valueOf(409).equals(o));
		assertThat(outcomes).filteredOn(o -> o instanceof SubmissionReceipt out && !out.replay()).hasSize(1);
		// One answer stored (sealed in the mixing pool until its batch; nothing readable
		// yet).
		assertThat(jdbc.queryForObject(
				"SELECT (SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?)"
						+ " + (SELECT COUNT(*) FROM survey_response_pool WHERE wave_id = ?)",
				Integer.class, wave, wave))
			.isEqualTo(1);
	}

}
