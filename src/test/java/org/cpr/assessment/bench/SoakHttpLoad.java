package org.cpr.assessment.bench;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A soak against a running server (issue #16, memory under load): the packaged jar,
 * started separately with the JVM settings under test, is driven for a number of minutes
 * by participants who sign in once each (form sign-in, own session) and then, in a loop
 * without think time, open what a participant opens: home, the directory, the check-in
 * page, the snapshot's first step, the snapshot's final POST (scored and stored), its
 * results page and their history. Prints each minute's requests and latencies (p50, p95,
 * p99 per page) so a heap that grows, or a server that slows down, shows; memory is read
 * beside it from the server's JVM ({@code jcmd}, see docs/benchmarks.md). Never asserts.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.cpr.assessment.bench.SoakHttpLoad \
 *      http://127.0.0.1:18131 jdbc:postgresql://127.0.0.1:5432/cpr_h16b 50 10     # server, its database, users, minutes
 * </pre> The server must accept plain-HTTP session cookies and many sign-ins from one
 * address:
 * {@code --server.servlet.session.cookie.secure=false --cpr.identity.login-attempts-per-client=100000}.
 */
public final class SoakHttpLoad {

	static final String[] PAGES = { "home", "directory", "checkin", "snapshot step 1", "snapshot final POST",
			"snapshot results", "snapshot history" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String url = args[1];
		int participants = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		int minutes = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		// the demo's Argon2id hash of the demo password: the participants sign in as
		// every demo login does
		String hash;
		try (var c = java.sql.DriverManager.getConnection(url, "postgres", "");
				var s = c.createStatement();
				var rs = s.executeQuery("SELECT password_hash FROM person WHERE username = 'resident'")) {
			rs.next();
			hash = rs.getString(1);
		}
		List<String> users = SnapshotHttpLoad.participants(url, participants, hash);
		long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
		Map<Integer, Map<String, List<Long>>> byMinute = new ConcurrentHashMap<>();
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		CountDownLatch signedIn = new CountDownLatch(users.size());
		CountDownLatch done = new CountDownLatch(users.size());
		long[] start = new long[1];
		for (String user : users) {
			pool.execute(() -> {
				try {
					HttpClient http = HttpClient.newBuilder()
						.cookieHandler(new CookieManager())
						.followRedirects(HttpClient.Redirect.NEVER)
						.connectTimeout(Duration.ofSeconds(10))
						.build();
					String csrf = SnapshotHttpLoad.csrf(SnapshotHttpLoad.get(http, base + "/login").body());
					HttpResponse<String> login = SnapshotHttpLoad.post(http, base + "/login",
							Map.of("username", user, "password", "demo-resilience-2026", "_csrf", csrf));
					if (login.statusCode() != 302
							|| login.headers().firstValue("Location").orElse("").contains("error")) {
						throw new IllegalStateException("sign-in failed: " + login.statusCode());
					}
					signedIn.countDown();
					signedIn.await();
					while (System.nanoTime() < end) {
						get(http, base, "/home", "home", byMinute, start[0], failures);
						get(http, base, "/directory", "directory", byMinute, start[0], failures);
						get(http, base, "/checkin", "checkin", byMinute, start[0], failures);
						HttpResponse<String> step = get(http, base, "/snapshot/take/1", "snapshot step 1", byMinute,
								start[0], failures);
						if (step == null) {
							continue;
						}
						csrf = SnapshotHttpLoad.csrf(step.body());
						long t0 = System.nanoTime();
						HttpResponse<String> res = SnapshotHttpLoad.post(http, base + "/snapshot/take/8",
								SnapshotHttpLoad.lastPage(csrf));
						String location = res.headers().firstValue("Location").orElse("");
						if (res.statusCode() != 302 || !location.contains("/snapshot/results/")) {
							failures.incrementAndGet();
							continue;
						}
						record(byMinute, start[0], "snapshot final POST", t0);
						get(http, base, location.startsWith("http") ? location.substring(base.length()) : location,
								"snapshot results", byMinute, start[0], failures);
						get(http, base, "/snapshot", "snapshot history", byMinute, start[0], failures);
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
		start[0] = System.nanoTime();
		System.out.printf("%d participants signed in; soak for %d minutes%n", users.size(), minutes);
		done.await();
		pool.shutdown();
		System.out.println("failures: " + failures.get());
		for (int m = 0; m <= minutes; m++) {
			Map<String, List<Long>> pages = byMinute.get(m);
			if (pages == null) {
				continue;
			}
			int n = pages.values().stream().mapToInt(List::size).sum();
			System.out.printf("minute %d: %d requests (%.0f/s)%n", m + 1, n, n / 60.0);
			for (String page : PAGES) {
				List<Long> nanos = pages.getOrDefault(page, List.of());
				if (!nanos.isEmpty()) {
					SnapshotHttpLoad.print("  " + page, nanos, 0, 0);
				}
			}
		}
	}

	static HttpResponse<String> get(HttpClient http, String base, String path, String page,
			Map<Integer, Map<String, List<Long>>> byMinute, long start, AtomicInteger failures) throws Exception {
		long t0 = System.nanoTime();
		HttpResponse<String> res = SnapshotHttpLoad.get(http, base + path);
		if (res.statusCode() != 200) {
			if (failures.incrementAndGet() < 5) {
				System.out.println("  unexpected " + res.statusCode() + " on " + page);
			}
			return null;
		}
		record(byMinute, start, page, t0);
		return res;
	}

	static void record(Map<Integer, Map<String, List<Long>>> byMinute, long start, String page, long t0) {
		long now = System.nanoTime();
		int minute = (int) ((now - start) / 60_000_000_000L);
		byMinute.computeIfAbsent(minute, m -> new ConcurrentHashMap<>())
			.computeIfAbsent(page, p -> Collections.synchronizedList(new ArrayList<>()))
			.add(now - t0);
	}

	private SoakHttpLoad() {
	}

}
