import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The load of scripts/cluster-proof.sh, driven through nginx (HTTPS, self-signed): participants sign in,
 * submit Resilience Snapshots (one in seven with a critical PHQ-9 item 9), send anonymous speak-up reports, search
 * the directory and read their history; a director reads the program report. A request without an answer
 * (connection reset, 502/504 while a node dies) is re-sent once with the same idempotency key. Prints
 * requests by outcome and latency percentiles, then checks the ledger in PostgreSQL:
 *   every acknowledged snapshot is stored exactly once; every critical one has exactly one safety alert;
 *   every acknowledged anonymous report is stored once; no signed-in user was sent back to the sign-in page
 *   (counted by every load run, checked by the ledger).
 *
 * java -cp postgresql.jar scripts/proof/ClusterProof.java https://127.0.0.1:8443 jdbc:postgresql://127.0.0.1:55432/cpr postgres 240 run
 * -Dproof.users=N: N participants (default 24) besides the director.
 * Last argument "ledger-only" skips the load and only checks the ledger of an earlier run (files proof-acks.txt
 * and proof-runs.txt in the working directory, appended by every load run).
 */
public class ClusterProof {

    static final String PASSWORD = "demo-resilience-2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final String[] TERMS = {"sleep", "counsel", "peer", "crisis", "nutrition", "finance", "chaplain", "fitness"};

    record Sample(String action, String outcome, long nanos, long startedAt) {
    }

    static final long T0 = System.nanoTime();

    static final ConcurrentLinkedQueue<Sample> SAMPLES = new ConcurrentLinkedQueue<>();
    static final Map<String, String> ACK_SNAPSHOTS = new ConcurrentHashMap<>();   // key hash -> critical?
    static final Set<String> ACK_REPORTS = ConcurrentHashMap.newKeySet();
    static final AtomicInteger SESSIONS_LOST = new AtomicInteger();
    static final AtomicInteger RESENT = new AtomicInteger();
    static final AtomicInteger SUBMISSIONS = new AtomicInteger();
    static final Map<String, AtomicInteger> LOCATIONS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        String dbUser = args[2];
        int seconds = Integer.parseInt(args[3]);
        String label = args[4];
        if (!"ledger-only".equals(label)) {
            List<String[]> users = participants(jdbc, dbUser, Integer.getInteger("proof.users", 24));
            long before = count(jdbc, dbUser, "SELECT COUNT(*) FROM cqi_report_idempotency");
            long startedAt = System.currentTimeMillis();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> workers = new ArrayList<>();
            for (String[] user : users) {
                workers.add(Thread.ofPlatform().start(() -> participant(base, user, deadline)));
            }
            workers.add(Thread.ofPlatform().start(() -> director(base, deadline)));
            long t0 = System.nanoTime();
            for (Thread w : workers) {
                w.join();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            report(label, elapsed);
            // appended: every load run of the proof (one node, two nodes) counts in the ledger
            Files.write(Path.of("proof-acks.txt"), ACK_SNAPSHOTS.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.writeString(Path.of("proof-runs.txt"), before + " " + ACK_REPORTS.size() + " " + startedAt + " " + SESSIONS_LOST.get() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (args.length > 5 && "no-ledger".equals(args[5])) {
                return;
            }
        }
        ledger(jdbc, dbUser);
    }

    static void participant(String base, String[] user, long deadline) {
        Random random = new Random();
        HttpClient http = client();
        boolean signedIn = false;
        while (System.nanoTime() < deadline) {
            try {
                if (!signedIn || random.nextInt(100) < 4) {
                    http = client();
                    signedIn = signIn(http, base, user[0]);
                    continue;
                }
                int r = random.nextInt(100);
                if (r < 40) {
                    signedIn = snapshot(http, base, user);
                } else if (r < 55) {
                    speakUp(http, base, random);
                } else if (r < 80) {
                    timed(http, "directory", base + "/directory?q=" + TERMS[random.nextInt(TERMS.length)], null, false);
                } else {
                    signedIn = !lostSession(timed(http, "history", base + "/snapshot", null, true));
                }
            } catch (Exception e) {
                sleep(200);
            }
        }
    }

    static void director(String base, long deadline) {
        HttpClient http = client();
        boolean signedIn = false;
        while (System.nanoTime() < deadline) {
            try {
                if (!signedIn) {
                    http = client();
                    signedIn = signIn(http, base, "director");
                    continue;
                }
                signedIn = !lostSession(timed(http, "report", base + "/snapshot/aggregate", null, true));
                sleep(250);
            } catch (Exception e) {
                sleep(200);
            }
        }
    }

    static boolean signIn(HttpClient http, String base, String username) throws Exception {
        HttpResponse<String> form = timed(http, "sign-in", base + "/login", null, false);
        if (form == null || form.statusCode() != 200) {
            return false;
        }
        HttpResponse<String> res = timed(http, "sign-in", base + "/login",
                Map.of("username", username, "password", PASSWORD, "_csrf", csrf(form.body())), false);
        return res != null && res.statusCode() == 302 && !res.headers().firstValue("Location").orElse("").contains("error");
    }

    static boolean snapshot(HttpClient http, String base, String[] user) throws Exception {
        HttpResponse<String> first = timed(http, "snapshot", base + "/snapshot/take/1", null, true);
        if (first == null || lostSession(first) || first.statusCode() != 200) {
            return first == null || !lostSession(first);
        }
        String key = UUID.randomUUID().toString();
        // one submission in seven critical (the first one included), so that even a short or starved run has some
        boolean critical = SUBMISSIONS.getAndIncrement() % 7 == 0;
        Map<String, String> form = lastPage(csrf(first.body()), key, critical);
        HttpResponse<String> res = timed(http, "snapshot", base + "/snapshot/take/8", form, true);
        if (res == null) {
            return true;
        }
        if (lostSession(res)) {
            return false;
        }
        String location = res.headers().firstValue("Location").orElse("");
        LOCATIONS.computeIfAbsent(location.replaceAll("[0-9a-f-]{36}", "{id}"), k -> new AtomicInteger()).incrementAndGet();
        if (res.statusCode() == 302 && location.contains("/snapshot/") && !location.contains("/take/")) {
            ACK_SNAPSHOTS.put(sha256("snapshot|" + user[1] + "|" + key), critical ? "critical" : "plain");
        }
        return true;
    }

    static void speakUp(HttpClient http, String base, Random random) throws Exception {
        HttpResponse<String> form = timed(http, "speak-up", base + "/speak-up", null, false);
        if (form == null || form.statusCode() != 200) {
            return;
        }
        String key = UUID.randomUUID().toString();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("_csrf", csrf(form.body()));
        body.put("channel", "SYSTEMIC");
        body.put("category", random.nextBoolean() ? "STAFFING" : "WORKFLOW");
        body.put("body", "Load proof report: the night handover runs late on ward " + random.nextInt(9));
        body.put("wantsReplies", "true");
        body.put("idempotencyKey", key);
        HttpResponse<String> res = timed(http, "speak-up", base + "/speak-up", body, false);
        if (res != null && res.statusCode() == 200 && res.body().contains("id=\"reply-code\"")) {
            ACK_REPORTS.add(key);
        }
    }

    /** One request, re-sent once (same body, same idempotency key) when it got no answer or a gateway error. */
    static HttpResponse<String> timed(HttpClient http, String action, String url, Map<String, String> form, boolean needsSession) {
        for (int attempt = 0; attempt < 2; attempt++) {
            long t0 = System.nanoTime();
            String outcome;
            try {
                HttpResponse<String> res = http.send(request(url, form), HttpResponse.BodyHandlers.ofString());
                int s = res.statusCode();
                outcome = s >= 500 ? "http_" + s : s >= 400 ? "http_" + s : "ok";
                if (needsSession && lostSession(res)) {
                    outcome = "signed_out";
                    SESSIONS_LOST.incrementAndGet();
                }
                SAMPLES.add(new Sample(action, outcome, System.nanoTime() - t0, t0));
                if (s == 502 || s == 503 || s == 504) {
                    RESENT.incrementAndGet();
                    continue;
                }
                return res;
            } catch (Exception e) {
                SAMPLES.add(new Sample(action, "no_answer", System.nanoTime() - t0, t0));
                RESENT.incrementAndGet();
            }
        }
        return null;
    }

    static boolean lostSession(HttpResponse<String> res) {
        return res != null && res.statusCode() == 302 && res.headers().firstValue("Location").orElse("").contains("/login");
    }

    static HttpRequest request(String url, Map<String, String> form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (form == null) {
            return b.GET().build();
        }
        return b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")))).build();
    }

    /** The battery's last page (step 8) with every earlier page's answers, as the browser posts it (PHQ-9 item 9 = 2 when critical). */
    static Map<String, String> lastPage(String csrf, String key, boolean critical) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        // the battery's eight steps (PHQ-2 = 4 brings in PHQ-9): the two optional ones, PC-PTSD-5 and the
        // moral distress thermometer (V10_70), are skipped; this is the last one's page
        form.put("instrument", "moral-distress-thermometer");
        form.put("action", "skip");
        form.put("skipped", "pc-ptsd-5");
        form.put("idempotencyKey", key);
        put(form, "brs", 6, "3");
        put(form, "who-5", 5, "3");
        form.put("p__burnout-single-item__1", "2");
        put(form, "phq-2", 2, "2");
        put(form, "phq-9", 8, "1");
        form.put("p__phq-9__9", critical ? "2" : "0");
        put(form, "gad-2", 2, "0");
        return form;
    }

    static void put(Map<String, String> form, String instrument, int items, String value) {
        for (int i = 1; i <= items; i++) {
            form.put("p__" + instrument + "__" + i, value);
        }
    }

    static void report(String label, double seconds) {
        List<Sample> all = new ArrayList<>(SAMPLES);
        System.out.printf("%n== %s: %d requests in %.0f s (%.1f/s), re-sent %d, signed out %d%n", label, all.size(), seconds,
                all.size() / seconds, RESENT.get(), SESSIONS_LOST.get());
        Map<String, Long> byOutcome = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Sample::outcome, Collectors.counting())));
        System.out.println("   by outcome: " + byOutcome);
        Map<String, List<Sample>> byAction = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Sample::action)));
        print("all", all);
        byAction.forEach(ClusterProof::print);
        System.out.println("   snapshot redirects: " + LOCATIONS);
        System.out.println("   timeline (requests started per 15 s window, by outcome):");
        new TreeMap<>(all.stream().collect(Collectors.groupingBy(s -> (s.startedAt() - T0) / 15_000_000_000L,
                Collectors.groupingBy(Sample::outcome, TreeMap::new, Collectors.counting()))))
                .forEach((w, outcomes) -> System.out.printf("     %4d-%4d s %s%n", w * 15, w * 15 + 15, outcomes));
    }

    static void print(String action, List<Sample> samples) {
        List<Long> ok = samples.stream().filter(s -> s.outcome().equals("ok")).map(Sample::nanos).sorted().toList();
        System.out.printf("   %-10s n=%6d ok=%6d p50=%7.1f ms p95=%7.1f ms p99=%7.1f ms%n", action, samples.size(), ok.size(),
                pct(ok, 50), pct(ok, 95), pct(ok, 99));
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static void ledger(String jdbc, String user) throws Exception {
        List<String> acks = Files.readAllLines(Path.of("proof-acks.txt"));
        // one line per load run: anonymous reports before it, reports acknowledged, start (ms), requests signed out
        List<long[]> runs = Files.readAllLines(Path.of("proof-runs.txt")).stream().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.strip().split(" ")).mapToLong(Long::parseLong).toArray()).toList();
        long reportsBefore = runs.stream().mapToLong(r -> r[0]).min().orElseThrow();
        long reportsAcked = runs.stream().mapToLong(r -> r[1]).sum();
        long startedAt = runs.stream().mapToLong(r -> r[2]).min().orElseThrow();
        long signedOut = runs.stream().mapToLong(r -> r[3]).sum();
        int missing = 0;
        int duplicated = 0;
        int critical = 0;
        int alertsWrong = 0;
        try (Connection c = DriverManager.getConnection(jdbc, user, "");
             // the idempotency ledger holds the key's hash and, once stored, the submission's id as its receipt
             PreparedStatement s = c.prepareStatement("SELECT s.id, s.high_risk, (SELECT COUNT(*) FROM safety_alert a WHERE"
                     + " a.source_type = 'snapshot' AND a.source_id = CAST(s.id AS VARCHAR)) FROM assessment_idempotency i"
                     + " JOIN assessment_submission s ON CAST(s.id AS VARCHAR) = i.receipt WHERE i.key_hash = ?")) {
            for (String line : acks) {
                String[] parts = line.split(" ");
                s.setString(1, parts[0]);
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        if ("critical".equals(parts[1])) {
                            critical++;
                            if (!rs.getBoolean(2) || rs.getLong(3) != 1) {
                                alertsWrong++;
                            }
                        }
                    }
                }
                missing += rows == 0 ? 1 : 0;
                duplicated += rows > 1 ? 1 : 0;
            }
        }
        // stored twice = a submission of the run that no ledger entry names (a second row for one key)
        long orphans = count(jdbc, user, "SELECT COUNT(*) FROM assessment_submission s WHERE s.submitted_at >="
                + " TO_TIMESTAMP(" + startedAt / 1000 + ") AND NOT EXISTS (SELECT 1 FROM assessment_idempotency i"
                + " WHERE i.receipt = CAST(s.id AS VARCHAR))");
        duplicated += (int) orphans;
        long reportsStored = count(jdbc, user, "SELECT COUNT(*) FROM cqi_report_idempotency") - reportsBefore;
        System.out.printf("%n== ledger: %d acknowledged snapshots: %d missing, %d stored twice; %d critical: %d without exactly one alert;"
                        + " %d acknowledged anonymous reports, %d stored; %d requests found their user signed out%n", acks.size(), missing,
                duplicated, critical, alertsWrong, reportsAcked, reportsStored, signedOut);
        // a run that acknowledged nothing (or no critical answer) proved nothing
        boolean ok = !acks.isEmpty() && critical > 0 && missing == 0 && duplicated == 0 && alertsWrong == 0
                && reportsStored >= reportsAcked && signedOut == 0;
        List<String> broken = new ArrayList<>();
        if (acks.isEmpty()) {
            broken.add("no snapshot acknowledged, so nothing was proven");
        } else if (critical == 0) {
            broken.add("no critical snapshot acknowledged, so the alerts were not checked");
        }
        if (missing > 0) {
            broken.add(missing + " acknowledged snapshots missing");
        }
        if (duplicated > 0) {
            broken.add(duplicated + " snapshots stored twice");
        }
        if (alertsWrong > 0) {
            broken.add(alertsWrong + " critical snapshots without exactly one safety alert");
        }
        if (reportsStored < reportsAcked) {
            broken.add((reportsAcked - reportsStored) + " acknowledged anonymous reports missing");
        }
        if (signedOut > 0) {
            broken.add(signedOut + " requests found their user signed out");
        }
        System.out.println(ok ? "LEDGER OK" : "LEDGER BROKEN: " + String.join("; ", broken));
        if (!ok) {
            System.exit(1);
        }
    }

    static List<String[]> participants(String jdbc, String user, int n) throws Exception {
        List<String[]> users = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, user, "");
             PreparedStatement s = c.prepareStatement("SELECT p.username, p.id FROM person p JOIN role_grant g ON g.person_id = p.id"
                     + " WHERE g.role = 'PARTICIPANT' AND p.active AND p.password_hash IS NOT NULL AND NOT p.mfa_enabled"
                     + " AND p.id NOT IN (SELECT person_id FROM role_grant WHERE role IN ('RESILIENCE_CLINICIAN','PRIVACY_OFFICER','SYSTEM_ADMIN'))"
                     + " ORDER BY p.username LIMIT ?")) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    users.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return users;
    }

    static long count(String jdbc, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, ""); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HttpClient client() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {   // the proof's self-signed nginx certificate
                public void checkClientTrusted(X509Certificate[] chain, String auth) { }
                public void checkServerTrusted(X509Certificate[] chain, String auth) { }
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }}, null);
            return HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
