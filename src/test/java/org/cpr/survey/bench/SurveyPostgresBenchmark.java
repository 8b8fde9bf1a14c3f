package org.cpr.survey.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.cpr.CprApplication;
import org.cpr.platform.bench.OpenLoad;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Survey engine benchmarks on PostgreSQL (issue #3), run by hand; they print, they never
 * assert.
 *
 * <ol>
 * <li>Submission: 50 concurrent HTTP clients, each a different participant with an API
 * token, POST answers to a PHQ-9 wave (validate, score, store, publish the event) —
 * throughput and p50/p95/p99 — next to a raw-JDBC insert of the same anonymous rows by 50
 * threads.</li>
 * <li>Reporting: 1,000,000 anonymous responses in one closed wave; the wave report (score
 * by hospital and PGY band through the disclosure gate) over the API — median of 30 calls
 * — and the query plan of its GROUP BY.</li>
 * </ol>
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres cpr_bench   # fresh database
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.cpr.survey.bench.SurveyPostgresBenchmark \
 *      jdbc:postgresql://127.0.0.1:5432/cpr_bench 50 5000
 * java -Dbench.rate=20/s -Dbench.ramp=20/s … SurveyPostgresBenchmark … 50 20000 submit   # open model (OpenLoad)
 * </pre>
 */
public final class SurveyPostgresBenchmark {

	static final String FACILITATOR = "cpr_demo_facilitator_c81b4e6d0a2f9357";

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/cpr_bench";
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		int submissions = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
		String part = args.length > 3 ? args[3] : "all";
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CprApplication.class).profiles("demo")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.port=0",
					"--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 10),
					"--logging.level.root=WARN", "--spring.main.banner-mode=off",
					// a fresh database gets its demo history before the load
					"--cpr.demo.history-in-background=false");
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String base = "http://127.0.0.1:" + port;
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			if (!part.equals("report")) {
				List<String> tokens = participants(url, submissions);
				if (OpenLoad.requested()) {
					open(http, base, tokens);
					return;
				}
				UUID wave = openWave(http, base, LocalDate.now().minusDays(1), LocalDate.now().plusDays(5));
				submit(http, base, wave, tokens.subList(0, Math.min(1000, tokens.size())), clients, "warm-up");
				UUID wave2 = openWave(http, base, LocalDate.now().minusDays(1), LocalDate.now().plusDays(5));
				submit(http, base, wave2, tokens, clients, "HTTP submit");
				rawJdbc(url, wave2, submissions, clients, false);
				rawJdbc(url, wave2, submissions, clients, true);
			}
			if (!part.equals("submit")) {
				report(http, base, url);
			}
		}
		finally {
			app.close();
		}
	}

	/**
	 * Creates participants with API tokens directly in the database (the demo seeder has
	 * one).
	 */
	static List<String> participants(String url, int n) throws Exception {
		List<String> tokens = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
			c.setAutoCommit(false);
			UUID campus;
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT id FROM org_unit WHERE code = 'CAMPUS'")) {
				rs.next();
				campus = rs.getObject(1, UUID.class);
			}
			String run = Long.toString(System.nanoTime(), 36);
			try (PreparedStatement p = c
				.prepareStatement("INSERT INTO person (id, username, email, display_name, trainee_type,"
						+ " training_level, active, created_at) VALUES (?,?,?,?, 'RESIDENT', 'PGY2', TRUE, now())");
					PreparedStatement g = c
						.prepareStatement("INSERT INTO role_grant (id, person_id, role, org_unit_id, granted_at)"
								+ " VALUES (?,?, 'PARTICIPANT', ?, now())");
					PreparedStatement t = c
						.prepareStatement("INSERT INTO access_token (id, person_id, name, token_hash, token_prefix,"
								+ " created_at, expires_at) VALUES (?,?, 'bench', ?, 'cpr_bench', now(), now() + interval '1 day')")) {
				for (int i = 0; i < n; i++) {
					UUID person = UUID.randomUUID();
					String token = "cpr_bench_" + run + "_" + i + "_" + UUID.randomUUID();
					p.setObject(1, person);
					p.setString(2, "bench-" + run + "-" + i);
					p.setString(3, "bench-" + run + "-" + i + "@example.org");
					p.setString(4, "Bench " + i);
					p.addBatch();
					g.setObject(1, UUID.randomUUID());
					g.setObject(2, person);
					g.setObject(3, campus);
					g.addBatch();
					t.setObject(1, UUID.randomUUID());
					t.setObject(2, person);
					t.setString(3, sha256(token));
					t.addBatch();
					tokens.add(token);
				}
				p.executeBatch();
				g.executeBatch();
				t.executeBatch();
			}
			c.commit();
		}
		return tokens;
	}

	static UUID openWave(HttpClient http, String base, LocalDate opens, LocalDate closes) throws Exception {
		UUID campaign = id(post(http, base + "/api/v1/surveys/campaigns", FACILITATOR, null, "{\"title\":\"Bench "
				+ UUID.randomUUID() + "\",\"questionnaireId\":\"phq-9\",\"privacyMode\":\"ANONYMOUS\"}"));
		UUID wave = id(post(http, base + "/api/v1/surveys/campaigns/" + campaign + "/waves", FACILITATOR, null,
				"{\"label\":\"1\",\"opensOn\":\"" + opens + "\",\"closesOn\":\"" + closes + "\"}"));
		post(http, base + "/api/v1/surveys/campaigns/" + campaign + "/launch", FACILITATOR, null, "");
		return wave;
	}

	static void submit(HttpClient http, String base, UUID wave, List<String> tokens, int clients, String label)
			throws Exception {
		ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tokens);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch done = new CountDownLatch(clients);
		long start = System.nanoTime();
		long cpu = processCpuNanos();
		for (int c = 0; c < clients; c++) {
			pool.execute(() -> {
				try {
					String token;
					while ((token = queue.poll()) != null) {
						String body = body(ThreadLocalRandom.current(), 9);
						long t0 = System.nanoTime();
						HttpResponse<String> res = http
							.send(request(base + "/api/v1/surveys/waves/" + wave + "/responses", token,
									UUID.randomUUID().toString(), body), HttpResponse.BodyHandlers.ofString());
						latencies.add(System.nanoTime() - t0);
						if (res.statusCode() != 201) {
							if (failures.incrementAndGet() < 3) {
								System.out.println("  unexpected " + res.statusCode() + " " + res.body());
							}
						}
					}
				}
				catch (Exception e) {
					failures.incrementAndGet();
					e.printStackTrace();
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		print(label, latencies, seconds, failures.get());
		printCpu(label, cpu, latencies.size());
	}

	/**
	 * A PHQ-9 answer as the API takes it: the first {@code items} answers (item 9, the
	 * safety item, always 0) and the respondent's context.
	 */
	static String body(RandomGenerator r, int items) {
		StringBuilder answers = new StringBuilder("{");
		for (int i = 1; i <= items; i++) {
			answers.append(i > 1 ? "," : "").append('"').append(i).append("\":").append(i == 9 ? 0 : r.nextInt(4));
		}
		answers.append('}');
		return "{\"answers\":" + answers + ",\"context\":{\"hospital\":\"" + (r.nextBoolean() ? "UH" : "CH")
				+ "\",\"pgyLevel\":\"PGY" + (1 + r.nextInt(5)) + "\"}}";
	}

	/**
	 * {@code -Dbench.rate=…}: submissions in the open model ({@link OpenLoad}), one
	 * anonymous wave, each respondent (API token) once. A respondent arrives at the
	 * offered rate, fetches the questionnaire as an app shows it (FHIR, {@code GET
	 * /api/v1/questionnaires/phq-9}; {@code -Dbench.form=false} leaves it out), answers
	 * (think time) and submits. Anonymous waves keep no server-side draft, so there is no
	 * step between. {@code submissions} on the command line is the number of respondents
	 * created, which must cover every arrival of the ramp.
	 */
	static void open(HttpClient http, String base, List<String> tokens) throws Exception {
		UUID wave = openWave(http, base, LocalDate.now().minusDays(1), LocalDate.now().plusDays(5));
		ConcurrentLinkedQueue<String> left = new ConcurrentLinkedQueue<>(tokens);
		boolean form = !"false".equals(System.getProperty("bench.form"));
		String responses = base + "/api/v1/surveys/waves/" + wave + "/responses";
		OpenLoad.ramp("survey submission over HTTP", "submission",
				form ? List.of("GET questionnaire", "POST response") : List.of("POST response"), (k, steps) -> {
					String token = left.poll();
					if (token == null) {
						throw new IllegalStateException("no respondent left: create more on the command line");
					}
					if (form) {
						HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/questionnaires/phq-9"))
							.header("Authorization", "Bearer " + token)
							.GET()
							.build();
						expect(steps.request("GET questionnaire",
								() -> http.send(get, HttpResponse.BodyHandlers.ofString())), 200);
						steps.think();
					}
					HttpRequest post = request(responses, token, UUID.randomUUID().toString(),
							body(new SplittableRandom(k), 9));
					expect(steps.request("POST response", () -> http.send(post, HttpResponse.BodyHandlers.ofString())),
							201);
				});
	}

	static void expect(HttpResponse<String> res, int status) {
		if (res.statusCode() != status) {
			throw new IllegalStateException(res.request().method() + " " + res.request().uri().getPath() + " answered "
					+ res.statusCode() + ", not " + status + ": " + res.body());
		}
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU of this JVM per request (the server and the 50 client threads together; the
	 * database's CPU is not in it): on a machine shared with other work it says more
	 * about this code than the wall-clock rate does.
	 */
	static void printCpu(String label, long cpuBefore, int requests) {
		double perRequest = (processCpuNanos() - cpuBefore) / 1e6 / Math.max(1, requests);
		System.out.printf("%s: JVM CPU %.2f ms per request; load average %.1f%n", label, perRequest,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * The same anonymous rows, inserted by 50 threads with plain JDBC (one row per
	 * autocommit statement).
	 */
	static void rawJdbc(String url, UUID wave, int n, int clients, boolean allWrites) throws Exception {
		AtomicInteger left = new AtomicInteger(n);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch done = new CountDownLatch(clients);
		long start = System.nanoTime();
		long cpu = processCpuNanos();
		for (int c = 0; c < clients; c++) {
			pool.execute(() -> {
				try (Connection con = DriverManager.getConnection(url, "postgres", "");
						PreparedStatement ps = con
							.prepareStatement("INSERT INTO survey_response_anon (id, wave_id, submitted_on,"
									+ " hospital, rotation, pgy_band, answers, score, band, flags) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
					PreparedStatement claim = con
						.prepareStatement("INSERT INTO survey_idempotency (key_hash, payload_hash,"
								+ " state, created_on) VALUES (?, 'p', 'IN_FLIGHT', CURRENT_DATE)");
					PreparedStatement mark = con
						.prepareStatement("INSERT INTO survey_participation (wave_id, person_id) VALUES (?,?)");
					PreparedStatement finish = con.prepareStatement(
							"UPDATE survey_idempotency SET state = 'DONE', receipt = 'R'" + " WHERE key_hash = ?");
					while (left.getAndDecrement() > 0) {
						long t0 = System.nanoTime();
						String key = UUID.randomUUID().toString();
						if (allWrites) {
							claim.setString(1, key);
							claim.executeUpdate();
						}
						ps.setObject(1, UUID.randomUUID());
						ps.setObject(2, wave);
						ps.setObject(3, LocalDate.now());
						ps.setString(4, "UH");
						ps.setString(5, null);
						ps.setString(6, "PGY2-3");
						ps.setString(7, "{\"1\":1,\"2\":2,\"3\":0,\"4\":1,\"5\":3,\"6\":0,\"7\":1,\"8\":2,\"9\":0}");
						ps.setBigDecimal(8, new java.math.BigDecimal("10"));
						ps.setString(9, "moderate");
						ps.setString(10, "");
						ps.executeUpdate();
						if (allWrites) {
							con.setAutoCommit(false);
							mark.setObject(1, wave);
							mark.setObject(2, UUID.randomUUID());
							mark.executeUpdate();
							finish.setString(1, key);
							finish.executeUpdate();
							con.commit();
							con.setAutoCommit(true);
						}
						latencies.add(System.nanoTime() - t0);
					}
				}
				catch (Exception e) {
					e.printStackTrace();
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		pool.shutdown();
		String label = allWrites ? "raw JDBC, the same writes and commits as a submission"
				: "raw JDBC, one response insert";
		print(label, latencies, (System.nanoTime() - start) / 1e9, 0);
		printCpu(label, cpu, latencies.size());
	}

	static void report(HttpClient http, String base, String url) throws Exception {
		UUID wave = openWave(http, base, LocalDate.now().minusDays(30), LocalDate.now().minusDays(2));
		try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
			long t0 = System.nanoTime();
			s.execute(
					"INSERT INTO survey_response_anon (id, wave_id, submitted_on, hospital, rotation, pgy_band, answers, score, band, flags)"
							+ " SELECT gen_random_uuid(), '" + wave + "', CURRENT_DATE - 10,"
							+ " (ARRAY['UH','CH'])[1 + (g % 2)], (ARRAY['inpatient','icu','emergency','clinic','surgery','nights','other'])[1 + (g % 7)],"
							+ " (ARRAY['PGY1','PGY2-3','PGY4+'])[1 + (g % 3)], '{}', (g::bigint * 7919) % 28, NULL, ''"
							+ " FROM generate_series(1, 1000000) g");
			s.execute("VACUUM ANALYZE survey_response_anon");
			System.out.printf("generated 1,000,000 responses in %.1f s%n", (System.nanoTime() - t0) / 1e9);
			try (ResultSet rs = s
				.executeQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT hospital AS grp, pgy_band AS pgy, rotation AS rot,"
						+ " COUNT(*) AS n, SUM(score) AS s, SUM(score * score) AS ss FROM survey_response_anon WHERE wave_id = '"
						+ wave + "' AND score IS NOT NULL GROUP BY hospital, pgy_band, rotation")) {
				while (rs.next()) {
					System.out.println("  " + rs.getString(1));
				}
			}
		}
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < 33; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> res = http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/surveys/waves/" + wave + "/report"))
					.header("Authorization", "Bearer " + FACILITATOR)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			if (i >= 3) {
				latencies.add(System.nanoTime() - t0);
			}
			if (i == 0) {
				System.out.println("  report: " + res.statusCode() + " "
						+ res.body().substring(0, Math.min(300, res.body().length())));
			}
		}
		print("report over 1,000,000 responses (30 calls)", latencies, 0, 0);
	}

	static void print(String label, List<Long> nanos, double seconds, int failures) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%s: n=%d%s p50=%.1f ms p95=%.1f ms p99=%.1f ms failures=%d%n", label, sorted.size(),
				seconds > 0 ? String.format(" throughput=%.0f/s", sorted.size() / seconds) : "", pct(sorted, 50),
				pct(sorted, 95), pct(sorted, 99), failures);
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, i)) / 1e6;
	}

	static HttpRequest request(String url, String token, String key, String body) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			b.header("Idempotency-Key", key);
		}
		return b.build();
	}

	static String post(HttpClient http, String url, String token, String key, String body) throws Exception {
		HttpResponse<String> res = http.send(request(url, token, key, body), HttpResponse.BodyHandlers.ofString());
		if (res.statusCode() >= 300) {
			throw new IllegalStateException(url + " -> " + res.statusCode() + " " + res.body());
		}
		return res.body();
	}

	static UUID id(String json) {
		return UUID.fromString(json.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

	static String sha256(String s) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
	}

	private SurveyPostgresBenchmark() {
	}

}
