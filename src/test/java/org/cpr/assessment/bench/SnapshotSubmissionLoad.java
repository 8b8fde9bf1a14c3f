package org.cpr.assessment.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.cpr.CprApplication;
import org.cpr.assessment.SnapshotManagement;
import org.cpr.shared.PersonId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load generator: 50 concurrent participants each submitting Resilience Snapshots (the
 * whole server-side path: plan, scoring of every instrument, idempotency check, results,
 * safety state, event publication) against the PostgreSQL of CPR_TEST_DB_URL. Measures,
 * never fails. See docs/benchmarks.md for the command line.
 */
public final class SnapshotSubmissionLoad {

	public static void main(String[] args) throws Exception {
		int participants = Integer.getInteger("participants", 50);
		int rounds = Integer.getInteger("rounds", 10);
		String url = System.getenv("CPR_TEST_DB_URL");
		if (url == null) {
			System.out.println("Set CPR_TEST_DB_URL (and CPR_TEST_DB_USER) to a PostgreSQL database.");
			return;
		}
		try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CprApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test")
			// Command-line arguments, not default properties: application-test.yml would
			// otherwise win and the
			// "PostgreSQL" run would silently measure the in-memory H2 database.
			.run("--spring.datasource.url=" + url,
					"--spring.datasource.username=" + System.getenv().getOrDefault("CPR_TEST_DB_USER", "postgres"),
					"--spring.datasource.password=" + System.getenv().getOrDefault("CPR_TEST_DB_PASSWORD", ""),
					"--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 10),
					"--server.port=0", "--logging.level.root=WARN")) {
			System.out.println("datasource: " + ctx.getEnvironment().getProperty("spring.datasource.url"));
			SnapshotManagement submissions = ctx.getBean(SnapshotManagement.class);
			for (int i = 0; i < 20; i++) {
				submissions.submit(new PersonId(UUID.randomUUID()), UUID.randomUUID().toString(), answers(),
						Set.of("pc-ptsd-5", "moral-distress-thermometer"));
			}
			List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
			long start = System.nanoTime();
			try (ExecutorService pool = Executors.newFixedThreadPool(participants)) {
				for (int p = 0; p < participants; p++) {
					PersonId person = new PersonId(UUID.randomUUID());
					pool.submit(() -> {
						for (int r = 0; r < rounds; r++) {
							long t = System.nanoTime();
							submissions.submit(person, UUID.randomUUID().toString(), answers(),
									Set.of("pc-ptsd-5", "moral-distress-thermometer"));
							nanos.add(System.nanoTime() - t);
						}
					});
				}
				pool.shutdown();
				pool.awaitTermination(10, TimeUnit.MINUTES);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			List<Long> sorted = new ArrayList<>(nanos);
			Collections.sort(sorted);
			System.out.printf(
					"submissions=%d participants=%d throughput=%.1f/s p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
					sorted.size(), participants, sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95),
					pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
		}
	}

	private static double pct(List<Long> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	private static Map<String, Map<String, Object>> answers() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		Map<String, Map<String, Object>> a = new LinkedHashMap<>();
		a.put("brs", items(6, 1, 5, r));
		a.put("who-5", items(5, 0, 5, r));
		a.put("burnout-single-item", items(1, 1, 4, r));
		a.put("phq-2", items(2, 0, 3, r));
		Map<String, Object> phq9 = items(9, 0, 3, r);
		phq9.put("9", 0.0);
		a.put("phq-9", phq9);
		a.put("gad-2", items(2, 0, 3, r));
		a.put("gad-7", items(7, 0, 3, r));
		return a;
	}

	private static Map<String, Object> items(int n, int min, int max, ThreadLocalRandom r) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 1; i <= n; i++) {
			m.put(Integer.toString(i), (double) r.nextInt(min, max + 1));
		}
		return m;
	}

}
