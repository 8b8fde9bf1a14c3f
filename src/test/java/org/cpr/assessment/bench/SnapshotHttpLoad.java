package org.cpr.assessment.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cpr.CprApplication;
import org.cpr.platform.bench.OpenLoad;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The Resilience Snapshot submission over HTTP, as a phone's browser sends it: 50
 * participants, each signed in with a form login and its own session cookie, post the
 * last page of the default battery (BRS, WHO-5, burnout item, PHQ-2 positive → PHQ-9,
 * GAD-2, PC-PTSD-5 skipped) carrying the earlier pages' answers, which plans, scores and
 * stores the snapshot and redirects to the results; then they load the results page
 * (bands, benchmarks, next steps, trend chart). Prints, never asserts.
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres cpr_bench_http
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.cpr.assessment.bench.SnapshotHttpLoad \
 *      jdbc:postgresql://127.0.0.1:5432/cpr_bench_http 50 10      # participants, snapshots each
 * java -Dbench.rate=10/s -Dbench.ramp=10/s … SnapshotHttpLoad … 200   # open model (OpenLoad), 200 participants
 * </pre>
 */
public final class SnapshotHttpLoad {

	public static final String PASSWORD = "bench-snapshot-2026-load";
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/cpr_bench_http";
		int participants = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CprApplication.class).profiles("demo")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.port=" + System.getProperty("bench.port", "0"),
					"--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 10),
					// plain HTTP on loopback: the session cookie must not be Secure-only;
					// 50 sign-ins from one address
					"--server.servlet.session.cookie.secure=false", "--cpr.identity.login-attempts-per-client=100000",
					"--logging.level.root=WARN", "--spring.main.banner-mode=off",
					// a fresh database gets its demo history before the load
					"--cpr.demo.history-in-background=false");
		try {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			System.out.println("datasource: " + app.getEnvironment().getProperty("spring.datasource.url"));
			List<String> users = participants(url, participants, app.getBean(PasswordEncoder.class).encode(PASSWORD));
			if (OpenLoad.requested()) {
				open(base, users);
				return;
			}
			run(base, users.subList(0, Math.min(10, users.size())), 3, "warm-up");
			run(base, users, rounds, "snapshot over HTTP");
		}
		finally {
			app.close();
		}
	}

	static void run(String base, List<String> users, int rounds, String label) throws Exception {
		List<Long> submit = Collections.synchronizedList(new ArrayList<>());
		List<Long> results = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(users.size(),
				Thread.ofPlatform().name("bench-client-", 0).factory());
		CountDownLatch signedIn = new CountDownLatch(users.size());
		CountDownLatch done = new CountDownLatch(users.size());
		for (String user : users) {
			pool.execute(() -> {
				try {
					Participant participant = signIn(base, user);
					HttpClient http = participant.http();
					String csrf = participant.csrf();
					signedIn.countDown();
					signedIn.await();
					for (int r = 0; r < rounds; r++) {
						Map<String, String> form = lastPage(csrf);
						long t0 = System.nanoTime();
						HttpResponse<String> res = post(http, base + "/snapshot/take/8", form);
						long t1 = System.nanoTime();
						String location = res.headers().firstValue("Location").orElse("");
						if (res.statusCode() != 302 || !location.contains("/snapshot/results/")) {
							if (failures.incrementAndGet() < 3) {
								System.out.println("  unexpected " + res.statusCode() + " " + location);
							}
							continue;
						}
						submit.add(t1 - t0);
						HttpResponse<String> page = get(http, location.startsWith("http") ? location : base + location);
						results.add(System.nanoTime() - t1);
						if (page.statusCode() != 200) {
							failures.incrementAndGet();
						}
					}
				}
				catch (Exception e) {
					failures.incrementAndGet();
					signedIn.countDown();
					System.out.println("  " + e);
				}
				finally {
					done.countDown();
				}
			});
		}
		signedIn.await();
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		long cpu = os.getProcessCpuTime();
		Map<String, Long> threads = threadCpu();
		double load = os.getSystemLoadAverage();
		long t = System.nanoTime();
		System.out.println(label + ": measured phase starts " + java.time.Instant.now());
		done.await();
		double seconds = (System.nanoTime() - t) / 1e9;
		cpu = os.getProcessCpuTime() - cpu;
		System.out.println(label + ": measured phase ends " + java.time.Instant.now());
		Map<String, Long> after = threadCpu();
		pool.shutdown();
		print(label + ", final POST (plan, score, store, redirect)", submit, seconds, failures.get());
		print(label + ", then the results page", results, 0, 0);
		// the process's CPU time (server and the 50 clients in this JVM) per snapshot
		// (the
		// POST and its results page): far less sensitive to other work on the machine
		// than
		// the latencies
		System.out.printf("%s: CPU %.1f ms per snapshot (POST + results page), load average %.1f → %.1f%n", label,
				cpu / 1e6 / Math.max(1, submit.size()), load, os.getSystemLoadAverage());
		// the same split by thread: the server's request threads (the figure least
		// disturbed by other work on the machine: no JIT, GC or client), the load
		// generator's client threads, and the rest of the JVM's Java threads (listeners,
		// schedulers); JIT and GC threads are in the process figure only
		Map<String, Long> byGroup = new java.util.TreeMap<>();
		after.forEach((name, nanos) -> byGroup.merge(group(name), nanos - threads.getOrDefault(name, 0L), Long::sum));
		StringBuilder line = new StringBuilder(label + ": thread CPU per snapshot:");
		byGroup.forEach(
				(g, nanos) -> line.append(String.format(" %s %.1f ms", g, nanos / 1e6 / Math.max(1, submit.size()))));
		System.out.println(line);
	}

	/** A signed-in participant: their cookie jar and the session's CSRF token. */
	record Participant(HttpClient http, String csrf) {
	}

	static Participant signIn(String base, String user) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String csrf = csrf(get(http, base + "/login").body());
		HttpResponse<String> login = post(http, base + "/login",
				Map.of("username", user, "password", PASSWORD, "_csrf", csrf));
		if (login.statusCode() != 302
				|| String.valueOf(login.headers().firstValue("Location").orElse("")).contains("error")) {
			throw new IllegalStateException(
					"sign-in failed: " + login.statusCode() + " " + login.headers().firstValue("Location"));
		}
		return new Participant(http, csrf(get(http, base + "/snapshot/take/1").body()));
	}

	/**
	 * {@code -Dbench.rate=…}: the open model ({@link OpenLoad}). Every participant signs
	 * in first (not measured). A snapshot arrives at the offered rate and takes an idle
	 * participant (waiting for one counts in its latency), who opens the snapshot's first
	 * page, reads (think time), posts the last page with every page's answers, and
	 * follows the redirect to the results page at once, as a browser does.
	 */
	static void open(String base, List<String> users) throws Exception {
		BlockingQueue<Participant> idle = new LinkedBlockingQueue<>();
		try (ExecutorService signIns = Executors.newFixedThreadPool(4)) {
			List<Future<Participant>> signedIn = new ArrayList<>();
			for (String user : users) {
				signedIn.add(signIns.submit(() -> signIn(base, user)));
			}
			for (Future<Participant> p : signedIn) {
				idle.add(p.get());
			}
		}
		System.out.println(idle.size() + " participants signed in");
		OpenLoad.ramp("snapshot over HTTP", "snapshot", List.of("step page", "final POST", "results page"),
				(k, steps) -> {
					Participant waiting = idle.poll();
					if (waiting == null) {
						steps.count("waited for an idle participant");
						waiting = idle.take();
					}
					Participant p = waiting;
					try {
						expect(steps.request("step page", () -> get(p.http(), base + "/snapshot/take/1")), 200);
						steps.think();
						HttpResponse<String> res = expect(steps.request("final POST",
								() -> post(p.http(), base + "/snapshot/take/8", lastPage(p.csrf()))), 302);
						String location = res.headers().firstValue("Location").orElse("");
						if (!location.contains("/snapshot/results/")) {
							throw new IllegalStateException("final POST redirected to " + location);
						}
						expect(steps.request("results page",
								() -> get(p.http(), location.startsWith("http") ? location : base + location)), 200);
					}
					finally {
						idle.add(p);
					}
				});
	}

	public static HttpResponse<String> expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
					+ " answered " + response.statusCode() + ", not " + status);
		}
		return response;
	}

	/** CPU time so far of every live Java thread, by name and id. */
	static Map<String, Long> threadCpu() {
		java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		Map<String, Long> cpu = new java.util.HashMap<>();
		for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
			if (info != null) {
				long nanos = mx.getThreadCpuTime(info.getThreadId());
				if (nanos > 0) {
					cpu.put(info.getThreadName() + "#" + info.getThreadId(), nanos);
				}
			}
		}
		return cpu;
	}

	static String group(String thread) {
		if (thread.startsWith("http-nio-")) {
			return "request-threads";
		}
		if (thread.startsWith("bench-client-") || thread.startsWith("HttpClient-")) {
			return "clients";
		}
		return "other";
	}

	/**
	 * The last page (the moral distress thermometer, skipped, after PC-PTSD-5, skipped)
	 * with every earlier page's answers, as the browser posts it.
	 */
	static Map<String, String> lastPage(String csrf) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrf);
		form.put("instrument", "moral-distress-thermometer");
		form.put("action", "skip");
		form.put("skipped", "pc-ptsd-5");
		form.put("idempotencyKey", UUID.randomUUID().toString());
		put(form, "brs", 6, "3");
		put(form, "who-5", 5, "3");
		form.put("p__burnout-single-item__1", "2");
		put(form, "phq-2", 2, "2");
		put(form, "phq-9", 8, "1");
		form.put("p__phq-9__9", "0");
		put(form, "gad-2", 2, "0");
		return form;
	}

	static void put(Map<String, String> form, String instrument, int items, String value) {
		for (int i = 1; i <= items; i++) {
			form.put("p__" + instrument + "__" + i, value);
		}
	}

	public static List<String> participants(String url, int n, String hash) throws Exception {
		List<String> users = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
			c.setAutoCommit(false);
			UUID program;
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT program_id FROM person WHERE username = 'resident'")) {
				rs.next();
				program = rs.getObject(1, UUID.class);
			}
			String run = Long.toString(System.nanoTime(), 36);
			try (PreparedStatement p = c
				.prepareStatement("INSERT INTO person (id, username, email, display_name, trainee_type,"
						+ " training_level, program_id, password_hash, active, created_at) VALUES (?,?,?,?, 'RESIDENT', 'PGY2', ?, ?, TRUE, now())");
					PreparedStatement g = c
						.prepareStatement("INSERT INTO role_grant (id, person_id, role, org_unit_id, granted_at)"
								+ " VALUES (?,?, 'PARTICIPANT', ?, now())")) {
				for (int i = 0; i < n; i++) {
					UUID person = UUID.randomUUID();
					String username = "bench-" + run + "-" + i;
					p.setObject(1, person);
					p.setString(2, username);
					p.setString(3, username + "@example.org");
					p.setString(4, "Bench " + i);
					p.setObject(5, program);
					p.setString(6, hash);
					p.addBatch();
					g.setObject(1, UUID.randomUUID());
					g.setObject(2, person);
					g.setObject(3, program);
					g.addBatch();
					users.add(username);
				}
				p.executeBatch();
				g.executeBatch();
			}
			c.commit();
		}
		return users;
	}

	public static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return m.group(1);
	}

	public static HttpResponse<String> get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	public static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static void print(String label, List<Long> nanos, double seconds, int failures) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%s: n=%d%s p50=%.1f ms p95=%.1f ms p99=%.1f ms failures=%d%n", label, sorted.size(),
				seconds > 0 ? String.format(" throughput=%.0f/s", sorted.size() / seconds) : "", pct(sorted, 50),
				pct(sorted, 95), pct(sorted, 99), failures);
	}

	public static double pct(List<Long> sorted, int p) {
		return sorted.isEmpty() ? Double.NaN
				: sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	private SnapshotHttpLoad() {
	}

}
