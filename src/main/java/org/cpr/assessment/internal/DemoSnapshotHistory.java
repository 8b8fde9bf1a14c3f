package org.cpr.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.cpr.assessment.SnapshotManagement;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): Resilience Snapshots over the past year
 * for the Internal Medicine residents, submitted through the snapshot service (scored by
 * the scoring engine) at earlier instants, so the {@code resident} login sees a trend of
 * six takes and the program director sees the program's aggregate. No answer reaches a
 * screening threshold: the history raises no safety alert. Deterministic from
 * {@code cpr.demo.history-seed}.
 */
@Component
@Order(130)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoSnapshotHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSnapshotHistory.class);

	private final SnapshotManagement snapshots;

	private final IdentityManagement identity;

	private final Clock clock;

	private final long seed;

	DemoSnapshotHistory(SnapshotManagement snapshots, IdentityManagement identity, Clock clock,
			@Value("${cpr.demo.history-seed:2026}") long seed) {
		this.snapshots = snapshots;
		this.identity = identity;
		this.clock = clock;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		var resident = identity.byUsername("resident");
		if (!(clock instanceof BackdatingClock past) || resident.isEmpty()
				|| !snapshots.history(resident.get().id()).isEmpty() || resident.get().program() == null) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(seed * 31 + 10);
		List<PersonSummary> program = identity.audience(List.of(resident.get().program()), Set.of(), Set.of())
			.stream()
			.filter(p -> p.traineeType() == resident.get().traineeType())
			.sorted(Comparator.comparing(PersonSummary::username))
			.toList();
		// the optional steps (e.g. the PTSD screen) are skipped, as most people do
		Set<String> skipped = snapshots.battery()
			.stream()
			.filter(org.cpr.assessment.SnapshotStep::optional)
			.map(org.cpr.assessment.SnapshotStep::instrumentId)
			.collect(java.util.stream.Collectors.toSet());
		int takes = 0;
		for (PersonSummary person : program) {
			boolean named = person.id().equals(resident.get().id());
			int[] daysAgo = named ? new int[] { 330, 270, 210, 150, 90, 30 } : new int[] { 250, 140, 40 };
			int jitter = random.nextInt(12);
			for (int k = 0; k < daysAgo.length; k++) {
				double trend = (double) k / (daysAgo.length - 1);
				Map<String, Map<String, Object>> answers = answers(trend, random);
				String key = java.util.UUID
					.nameUUIDFromBytes(("demo-history:" + person.username() + ":" + k)
						.getBytes(java.nio.charset.StandardCharsets.UTF_8))
					.toString();
				PersonId who = person.id();
				past.run(today.minusDays(daysAgo[k] - jitter).atTime(7, 30).toInstant(ZoneOffset.UTC),
						() -> snapshots.submit(who, key, answers, skipped));
				takes++;
			}
		}
		log.info("Demo history: {} snapshot takes in {} ms", takes, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A take {@code trend} of the way through the year (0 first, 1 latest): resilience
	 * and well-being rise, burnout eases; the depression and anxiety screens stay below
	 * their follow-up thresholds.
	 */
	static Map<String, Map<String, Object>> answers(double trend, Random random) {
		int lift = (int) Math.round(2 * trend);
		Map<String, Map<String, Object>> a = new LinkedHashMap<>();
		Map<String, Object> brs = new LinkedHashMap<>();
		for (int i = 1; i <= 6; i++) {
			// items 2, 4 and 6 are worded negatively
			int v = i % 2 == 1 ? 2 + lift + random.nextInt(2) : 4 - lift - random.nextInt(2);
			brs.put(Integer.toString(i), (double) clamp(v, 1, 5));
		}
		a.put("brs", brs);
		Map<String, Object> who5 = new LinkedHashMap<>();
		for (int i = 1; i <= 5; i++) {
			who5.put(Integer.toString(i), (double) clamp(1 + lift + random.nextInt(2), 0, 5));
		}
		a.put("who-5", who5);
		a.put("burnout-single-item", Map.of("1", (double) clamp(4 - lift - random.nextInt(2), 1, 5)));
		a.put("phq-2", Map.of("1", (double) random.nextInt(2), "2", 0.0));
		a.put("gad-2", Map.of("1", (double) random.nextInt(2), "2", 0.0));
		return a;
	}

	private static int clamp(int v, int min, int max) {
		return Math.max(min, Math.min(max, v));
	}

}
