package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cpr.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * T18 (I-22, I-29): 1,000 synthetic critical check-ins sent to the application running in a child
 * JVM on PostgreSQL, which is killed ({@code destroyForcibly}, i.e. SIGKILL) at random moments and
 * restarted. A client retries every submission it has no answer for, with the same idempotency key.
 * Afterwards: 1,000 check-ins, 1,000 alerts, no duplicates, and no incomplete event publication.
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
                    incompleteAtKill.add(scalar("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"));
                } else {
                    awaitSettled();
                }
            } finally {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        int submissions = scalar("SELECT COUNT(*) FROM checkin_submission WHERE key_hash LIKE 'drill:%'");
        int alerts = scalar("SELECT COUNT(*) FROM safety_alert a JOIN checkin_submission s ON s.alert_id = a.id WHERE s.key_hash LIKE 'drill:%'");
        int duplicates = scalar("SELECT COUNT(*) FROM (SELECT source_id FROM safety_alert GROUP BY source_type, source_id HAVING COUNT(*) > 1) d");
        int orphans = scalar("SELECT COUNT(*) FROM checkin_submission s WHERE s.key_hash LIKE 'drill:%' "
                + "AND NOT EXISTS (SELECT 1 FROM safety_alert a WHERE a.id = s.alert_id)");
        int incomplete = scalar("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL");
        System.out.printf("Reliability drill (seed %d, %.0f s): %d acknowledged, %d check-ins, %d alerts, %d duplicates, %d lost, "
                + "%d kills leaving %s incomplete publications, %d requests cut off, %d replays answered from the stored result, "
                + "%d incomplete after the final restart%n", seed, (System.nanoTime() - started) / 1e9, acknowledged.size(),
                submissions, alerts, duplicates, orphans, KILLS, incompleteAtKill, failedRequests.get(), replays.get(), incomplete);
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
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/drill/checkins?key=" + key))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                if ("replayed".equals(r.body())) {
                    replays.incrementAndGet();
                }
                acknowledged.add(key);
                return true;
            }
        } catch (Exception cutOff) {
            failedRequests.incrementAndGet();
        }
        return false;
    }

    private void awaitSettled() throws Exception {
        long until = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < until) {
            int alerts = scalar("SELECT COUNT(*) FROM safety_alert a JOIN checkin_submission s ON s.alert_id = a.id WHERE s.key_hash LIKE 'drill:%'");
            int incomplete = scalar("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL");
            if (alerts >= TOTAL && incomplete == 0) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private Process start(int port, int run) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx768m", "-cp", classPath,
                "-Dspring.profiles.active=test,reliability-drill", "org.cpr.CprApplication",
                "--server.port=" + port, "--spring.datasource.url=" + PostgresAvailable.url(),
                "--spring.datasource.username=" + PostgresAvailable.user(), "--spring.datasource.password=" + PostgresAvailable.password(),
                "--cpr.demo.seed=false", "--springdoc.api-docs.enabled=false", "--spring.main.banner-mode=off",
                "--cpr.safety.escalation-check=PT1H",
                "--cpr.safety.redelivery-after=PT10S", "--cpr.safety.redelivery-check=PT5S", "--logging.level.root=WARN", "--spring.jmx.enabled=false");
        File log = Path.of("target", "reliability-child-" + run + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private void waitUntilReady(Process child, int port) throws Exception {
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until) {
            assertThat(child.isAlive()).as("the child application is running (see target/reliability-child-*.log)").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the child application did not start within 3 minutes");
    }

    private static int scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresAvailable.url(), PostgresAvailable.user(), PostgresAvailable.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
