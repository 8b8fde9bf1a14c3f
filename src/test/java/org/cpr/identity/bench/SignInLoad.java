package org.cpr.identity.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.cpr.CprApplication;
import org.cpr.assessment.bench.SnapshotHttpLoad;
import org.cpr.platform.bench.OpenLoad;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Form sign-ins per second over HTTP: {@code clients} threads, each signing in
 * {@code rounds} times as a browser does (GET the sign-in page for its CSRF token, POST
 * the form with a fresh cookie jar, follow nothing). Every sign-in checks an Argon2id
 * hash with the parameters the application is configured with. Prints, never asserts.
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres cpr_bench_http
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.cpr.identity.bench.SignInLoad \
 *      jdbc:postgresql://127.0.0.1:5432/cpr_bench_http 50 10      # clients, sign-ins each
 * java -Dbench.links=true …                      # single-use links instead of the password form
 * java -Dbench.links=true -Dbench.session=true … # links followed with a valid session
 * java -Dbench.rate=5/s -Dbench.ramp=5/s …       # open model (OpenLoad), password form
 * </pre>
 */
public final class SignInLoad {

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/cpr_bench_http";
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CprApplication.class).profiles("demo")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.port=0",
					"--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 10),
					"--server.servlet.session.cookie.secure=false", "--cpr.identity.login-attempts-per-client=1000000",
					"--logging.level.root=WARN", "--spring.main.banner-mode=off",
					// a fresh database gets its demo history before the load
					"--cpr.demo.history-in-background=false");
		try {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			List<String> users = SnapshotHttpLoad.participants(url, clients,
					app.getBean(PasswordEncoder.class).encode(SnapshotHttpLoad.PASSWORD));
			if (OpenLoad.requested()) {
				open(base, users);
				return;
			}
			if (Boolean.getBoolean("bench.links")) {
				// the invitation's single-use link instead of the password form
				linkRun(base, users, rounds, app.getBean(org.cpr.identity.SignInLinks.class), url);
				return;
			}
			run(base, users.subList(0, Math.min(10, users.size())), 3, "warm-up");
			run(base, users, rounds, "form sign-in (GET /login + POST /login)");
		}
		finally {
			app.close();
		}
	}

	/**
	 * {@code -Dbench.links=true}: each client follows {@code rounds} fresh single-use
	 * links (GET the link's page, POST its button), as from survey invitations; no
	 * password hash.
	 */
	static void linkRun(String base, List<String> users, int rounds, org.cpr.identity.SignInLinks links, String url)
			throws Exception {
		java.util.Map<String, java.util.Deque<String>> tokens = new java.util.concurrent.ConcurrentHashMap<>();
		try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "")) {
			for (String user : users) {
				java.util.UUID id;
				try (var ps = c.prepareStatement("SELECT id FROM person WHERE username = ?")) {
					ps.setString(1, user);
					try (var rs = ps.executeQuery()) {
						rs.next();
						id = rs.getObject(1, java.util.UUID.class);
					}
				}
				java.util.Deque<String> mine = new java.util.ArrayDeque<>();
				for (int r = 0; r < rounds + 5; r++) {
					String path = links.issue(new org.cpr.shared.PersonId(id), "/home",
							java.time.Instant.now().plusSeconds(3600), "bench");
					mine.add(path);
				}
				tokens.put(user, mine);
			}
		}
		if (Boolean.getBoolean("bench.session")) {
			sessionRounds(base, users.subList(0, Math.min(10, users.size())), 3, tokens, "warm-up (session)");
			sessionRounds(base, users, rounds, tokens, "invitation link with a valid session");
			return;
		}
		linkRounds(base, users.subList(0, Math.min(10, users.size())), 3, tokens, "warm-up (links)");
		linkRounds(base, users, rounds, tokens, "link sign-in");
	}

	/**
	 * {@code -Dbench.links=true -Dbench.session=true}: each client signs in once through
	 * a link (not timed), then follows {@code rounds} further invitation links with that
	 * session: {@code GET /login/link} answers with the redirect to the survey at once
	 * (no hash, the link stays unused, no new session).
	 */
	static void sessionRounds(String base, List<String> users, int rounds,
			java.util.Map<String, java.util.Deque<String>> tokens, String label) throws Exception {
		List<Long> times = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		CountDownLatch ready = new CountDownLatch(users.size());
		CountDownLatch done = new CountDownLatch(users.size());
		for (String user : users) {
			pool.execute(() -> {
				try {
					HttpClient http = HttpClient.newBuilder()
						.cookieHandler(new CookieManager())
						.followRedirects(HttpClient.Redirect.NEVER)
						.connectTimeout(Duration.ofSeconds(5))
						.build();
					boolean signedIn = false;
					try {
						String first = tokens.get(user).poll();
						String csrf = SnapshotHttpLoad.csrf(SnapshotHttpLoad.get(http, base + first).body());
						signedIn = SnapshotHttpLoad
							.post(http, base + "/login/link",
									Map.of("token", first.substring(first.indexOf("token=") + 6), "_csrf", csrf))
							.statusCode() == 302;
					}
					finally {
						ready.countDown();
					}
					ready.await();
					if (!signedIn) {
						failures.incrementAndGet();
						return;
					}
					for (int r = 0; r < rounds; r++) {
						String path = tokens.get(user).poll();
						long t0 = System.nanoTime();
						HttpResponse<String> res = SnapshotHttpLoad.get(http, base + path);
						long t1 = System.nanoTime();
						if (res.statusCode() != 302
								|| !res.headers().firstValue("Location").orElse("").endsWith("/home")) {
							failures.incrementAndGet();
							continue;
						}
						times.add(t1 - t0);
					}
				}
				catch (Exception e) {
					failures.incrementAndGet();
					System.out.println("  " + e);
				}
				finally {
					done.countDown();
				}
			});
		}
		report(label, times, failures, pool, ready, done);
	}

	static void linkRounds(String base, List<String> users, int rounds,
			java.util.Map<String, java.util.Deque<String>> tokens, String label) throws Exception {
		List<Long> times = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		CountDownLatch ready = new CountDownLatch(users.size());
		CountDownLatch done = new CountDownLatch(users.size());
		for (String user : users) {
			pool.execute(() -> {
				try {
					ready.countDown();
					ready.await();
					for (int r = 0; r < rounds; r++) {
						HttpClient http = HttpClient.newBuilder()
							.cookieHandler(new CookieManager())
							.followRedirects(HttpClient.Redirect.NEVER)
							.connectTimeout(Duration.ofSeconds(5))
							.build();
						String path = tokens.get(user).poll();
						long t0 = System.nanoTime();
						String csrf = SnapshotHttpLoad.csrf(SnapshotHttpLoad.get(http, base + path).body());
						HttpResponse<String> login = SnapshotHttpLoad.post(http, base + "/login/link",
								Map.of("token", path.substring(path.indexOf("token=") + 6), "_csrf", csrf));
						long t1 = System.nanoTime();
						if (login.statusCode() != 302) {
							failures.incrementAndGet();
							continue;
						}
						times.add(t1 - t0);
					}
				}
				catch (Exception e) {
					failures.incrementAndGet();
					System.out.println("  " + e);
				}
				finally {
					done.countDown();
				}
			});
		}
		report(label, times, failures, pool, ready, done);
	}

	/**
	 * {@code -Dbench.rate=…}: password sign-ins in the open model ({@link OpenLoad}). A
	 * sign-in arrives at the offered rate (a person from the list in turn, a new cookie
	 * jar): the sign-in page is due at its arrival, the form is posted after the think
	 * time (typing the password). One shared client; the cookies are carried by hand.
	 */
	static void open(String base, List<String> users) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		OpenLoad.ramp("form sign-in", "sign-in", List.of("GET /login", "POST /login"), (k, steps) -> {
			String user = users.get((int) (k % users.size()));
			HttpResponse<String> page = SnapshotHttpLoad
				.expect(steps.request("GET /login", () -> SnapshotHttpLoad.get(http, base + "/login")), 200);
			String cookies = String.join("; ",
					page.headers()
						.allValues("Set-Cookie")
						.stream()
						.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
						.toList());
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(SnapshotHttpLoad.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(SnapshotHttpLoad.csrf(page.body()), StandardCharsets.UTF_8);
			steps.think();
			HttpResponse<String> login = SnapshotHttpLoad.expect(steps.request("POST /login",
					() -> http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("Cookie", cookies)
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build(), HttpResponse.BodyHandlers.ofString())),
					302);
			if (login.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("sign-in failed: " + login.headers().firstValue("Location"));
			}
		});
	}

	static void run(String base, List<String> users, int rounds, String label) throws Exception {
		List<Long> times = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		CountDownLatch ready = new CountDownLatch(users.size());
		CountDownLatch done = new CountDownLatch(users.size());
		for (String user : users) {
			pool.execute(() -> {
				try {
					ready.countDown();
					ready.await();
					for (int r = 0; r < rounds; r++) {
						HttpClient http = HttpClient.newBuilder()
							.cookieHandler(new CookieManager())
							.followRedirects(HttpClient.Redirect.NEVER)
							.connectTimeout(Duration.ofSeconds(5))
							.build();
						long t0 = System.nanoTime();
						String csrf = SnapshotHttpLoad.csrf(SnapshotHttpLoad.get(http, base + "/login").body());
						HttpResponse<String> login = SnapshotHttpLoad.post(http, base + "/login",
								Map.of("username", user, "password", SnapshotHttpLoad.PASSWORD, "_csrf", csrf));
						long t1 = System.nanoTime();
						if (login.statusCode() != 302
								|| login.headers().firstValue("Location").orElse("").contains("error")) {
							if (failures.incrementAndGet() < 3) {
								System.out.println("  sign-in failed: " + login.statusCode() + " "
										+ login.headers().firstValue("Location").orElse(""));
							}
							continue;
						}
						times.add(t1 - t0);
					}
				}
				catch (Exception e) {
					failures.incrementAndGet();
					System.out.println("  " + e);
				}
				finally {
					done.countDown();
				}
			});
		}
		report(label, times, failures, pool, ready, done);
	}

	static void report(String label, List<Long> times, AtomicInteger failures, ExecutorService pool,
			CountDownLatch ready, CountDownLatch done) throws Exception {
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		ready.await();
		long t = System.nanoTime();
		long cpu = os.getProcessCpuTime();
		done.await();
		double seconds = (System.nanoTime() - t) / 1e9;
		double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
		pool.shutdown();
		SnapshotHttpLoad.print(label, times, seconds, failures.get());
		// on a machine shared with other work the wall-clock rate says more about the
		// others than about this process: CPU time per sign-in (server and the load
		// generator's clients, which share the JVM) does not depend on them as much
		double perSignIn = cpuMs / Math.max(1, times.size());
		System.out.printf(
				"%s: process CPU %.1f ms per sign-in -> %.0f sign-ins/s if this JVM had the %d cores to itself%n",
				label, perSignIn, 1000.0 * Runtime.getRuntime().availableProcessors() / perSignIn,
				Runtime.getRuntime().availableProcessors());
	}

	private SignInLoad() {
	}

}
