package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.cpr.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * T18 (I-22, I-29): 1,000 synthetic critical check-ins sent to the application running in
 * a child JVM on PostgreSQL, which is killed ({@code destroyForcibly}, i.e. SIGKILL) at
 * random moments and restarted. A client retries every submission it has no answer for,
 * with the same idempotency key. Afterwards: 1,000 check-ins, 1,000 alerts, no
 * duplicates, and no incomplete event publication.
 */
@ExtendWith(PostgresAvailable.class)
class CheckinReliabilityIT {

	static final int TOTAL = 1_000;
	static final int KILLS = 3;
	static final int CLIENTS = 4;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final ConcurrentLinkedQueue<String> toSend = new ConcurrentLinkedQueue<>();

	final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	final AtomicInteger replays = new AtomicInteger();

	final AtomicInteger failedRequests = new AtomicInteger();

	@Test
	void aThousandCriticalCheckinsSurviveRandomKillsWithExactlyOneAlertEach() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < TOTAL; i++) {
			toSend.add(String.format("drill-%04d", i));
		}
		List<Integer> incompleteAtKill = new ArrayList<>();
		long started = System.nanoTime();
		for (int run = 0; run <= KILLS; run++) {
			int port = freePort();
			Process child = start(port, run);
			try {
				waitUntilReady(child, port);
				boolean last = run == KILLS;
				long killAfterMillis = last ? Long.MAX_VALUE : 1_500 + random.nextInt(4_000);
				drive(child, port, killAfterMillis);
				if (!last) {
					child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
					incompleteAtKill
						.add(scalar("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"));
				}
				else {
					awaitSettled();
				}
			}
			finally {
				child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		int submissions = scalar("SELECT COUNT(*) FROM checkin_submission WHERE key_hash LIKE 'drill:%'");
		int alerts = scalar(
				"SELECT COUNT(*) FROM safety_alert a JOIN checkin_submission s ON s.alert_id = a.id WHERE s.key_hash LIKE 'drill:%'");
		int duplicates = scalar(
				"SELECT COUNT(*) FROM (SELECT source_id FROM safety_alert GROUP BY source_type, source_id HAVING COUNT(*) > 1) d");
		int orphans = scalar("SELECT COUNT(*) FROM checkin_submission s WHERE s.key_hash LIKE 'drill:%' "
				+ "AND NOT EXISTS (SELECT 1 FROM safety_alert a WHERE a.id = s.alert_id)");
		int incomplete = scalar("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL");
		System.out.printf(
				"Reliability drill (seed %d, %.0f s): %d acknowledged, %d check-ins, %d alerts, %d duplicates, %d lost, "
						+ "%d kills leaving %s incomplete publications, %d requests cut off, %d replays answered from the stored result, "
						+ "%d incomplete after the final restart%n",
				seed, (System.nanoTime() - started) / 1e9, acknowledged.size(), submissions, alerts, duplicates,
				orphans, KILLS, incompleteAtKill, failedRequests.get(), replays.get(), incomplete);
		assertThat(acknowledged).hasSize(TOTAL);
		assertThat(submissions).isEqualTo(TOTAL);
		assertThat(alerts).isEqualTo(TOTAL);
		assertThat(duplicates).isZero();
		assertThat(orphans).isZero();
		assertThat(incomplete).isZero();
	}

	private void drive(Process child, int port, long killAfterMillis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + Math.min(killAfterMillis, 120_000);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				while (child.isAlive() && System.currentTimeMillis() < deadline && acknowledged.size() < TOTAL) {
					String key = toSend.poll();
					if (key == null) {
						return;
					}
					if (!send(port, key)) {
						toSend.add(key);
					}
				}
			});
		}
		clients.shutdown();
		if (killAfterMillis != Long.MAX_VALUE) {
			Thread.sleep(killAfterMillis);
			child.destroyForcibly();
		}
		clients.awaitTermination(3, TimeUnit.MINUTES);
	}

	private boolean send(int port, String key) {
		try {
			HttpResponse<String> r = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/drill/checkins?key=" + key))
					.timeout(Duration.ofSeconds(20))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 200) {
				if ("replayed".equals(r.body())) {
					replays.incrementAndGet();
				}
				acknowledged.add(key);
				return true;
			}
		}
		catch (Exception cutOff) {
			failedRequests.incrementAndGet();
		}
		return false;
	}

	private void awaitSettled() {
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> scalar(
						"SELECT COUNT(*) FROM safety_alert a JOIN checkin_submission s ON s.alert_id = a.id WHERE s.key_hash LIKE 'drill:%'") >= TOTAL
						&& scalar("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL") == 0);
		}
		catch (ConditionTimeoutException notSettled) {
			// the counts and assertions that follow say what is missing
		}
	}

	/**
	 * I-23 / T19: an escalation timer lives in the database, so a kill before the
	 * deadline does not lose it.
	 */
	@Test
	void anUnacknowledgedAlertEscalatesToTheBackupAfterAKillAndRestart() throws Exception {
		UUID primary = UUID.randomUUID();
		UUID backup = UUID.randomUUID();
		update("DELETE FROM safety_oncall");
		update("INSERT INTO safety_oncall (position, person_id) VALUES (1, '" + primary + "'), (2, '" + backup + "')");
		Map<String, String> fastLadder = Map.of("cpr.safety.ack-within.TIER_1", "PT15S", "cpr.safety.escalation-check",
				"PT2S", "cpr.checkin.time-granularity", "PT1S"); // a 15-second SLA needs
																	// a finer step than
																	// the default hour
		int port = freePort();
		Process child = start(port, 10, fastLadder);
		String alertQuery = "FROM safety_alert a JOIN checkin_submission s ON s.alert_id = a.id WHERE s.key_hash = 'drill:escalate-1'";
		try {
			waitUntilReady(child, port);
			assertThat(send(port, "escalate-1")).isTrue();
			await("the alert is raised").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> scalar("SELECT COUNT(*) " + alertQuery) > 0);
			assertThat(scalar("SELECT a.escalation_level " + alertQuery)).isZero();
		}
		finally {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// the 15-second deadline passes while no instance runs: the child uses the real
		// clock, so no MutableClock here
		Thread.sleep(16_000);
		port = freePort();
		child = start(port, 11, fastLadder);
		try {
			waitUntilReady(child, port);
			await("the alert escalates after the restart").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> scalar("SELECT a.escalation_level " + alertQuery) != 0);
			int level = scalar("SELECT a.escalation_level " + alertQuery);
			String assigned = text("SELECT CAST(a.assigned_to AS VARCHAR) " + alertQuery);
			// an anonymous check-in's alert is audited through audit_pending (day only),
			// chained at the next flush
			int escalations = scalar(
					"SELECT COUNT(*) FROM audit_log WHERE action = 'SAFETY_ALERT_ESCALATED' AND record_id = "
							+ "(SELECT CAST(a.id AS VARCHAR) " + alertQuery + ")")
					+ scalar(
							"SELECT COUNT(*) FROM audit_pending WHERE action = 'SAFETY_ALERT_ESCALATED' AND record_id = "
									+ "(SELECT CAST(a.id AS VARCHAR) " + alertQuery + ")");
			System.out.printf(
					"Escalation after restart: level %d, assigned to the backup: %s, escalations audited: %d%n", level,
					backup.toString().equals(assigned), escalations);
			assertThat(level).isEqualTo(1);
			assertThat(assigned).isEqualTo(backup.toString());
			assertThat(escalations).isEqualTo(1);
		}
		finally {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private Process start(int port, int run) throws Exception {
		return start(port, run, Map.of());
	}

	private Process start(int port, int run, Map<String, String> overrides) throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Map<String, String> settings = new LinkedHashMap<>(Map.of("cpr.safety.escalation-check", "PT1H",
				"cpr.safety.redelivery-after", "PT10S", "cpr.safety.redelivery-check", "PT5S"));
		settings.putAll(overrides);
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx768m", "-cp", classPath,
				"-Dspring.profiles.active=test,reliability-drill", "org.cpr.CprApplication", "--server.port=" + port,
				"--spring.datasource.url=" + PostgresAvailable.url(),
				"--spring.datasource.username=" + PostgresAvailable.user(),
				"--spring.datasource.password=" + PostgresAvailable.password(), "--cpr.demo.seed=false",
				"--springdoc.api-docs.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--spring.jmx.enabled=false"));
		settings.forEach((k, v) -> command.add("--" + k + "=" + v));
		File log = Path.of("target", "reliability-child-" + run + ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private void waitUntilReady(Process child, int port) throws Exception {
		await("the child application starts within 3 minutes").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				assertThat(child.isAlive()).as("the child application is running (see target/reliability-child-*.log)")
					.isTrue();
				try {
					return http
						.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
							.timeout(Duration.ofSeconds(2))
							.build(), HttpResponse.BodyHandlers.ofString())
						.statusCode() == 200;
				}
				catch (Exception notYet) {
					return false; // still starting
				}
			});
	}

	private static int scalar(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(PostgresAvailable.url(), PostgresAvailable.user(),
				PostgresAvailable.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static void update(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(PostgresAvailable.url(), PostgresAvailable.user(),
				PostgresAvailable.password()); Statement s = c.createStatement()) {
			s.executeUpdate(sql);
		}
	}

	private static String text(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(PostgresAvailable.url(), PostgresAvailable.user(),
				PostgresAvailable.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
