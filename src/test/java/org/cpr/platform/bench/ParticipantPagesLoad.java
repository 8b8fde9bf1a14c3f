package org.cpr.platform.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.cpr.CprApplication;
import org.cpr.assessment.bench.SnapshotHttpLoad;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Every page a participant uses, one user on a warm server: the home page, the snapshot
 * landing page and each step of the snapshot, the latest results page (the demo
 * resident's year of snapshots), the survey list and an open survey's form, the anonymous
 * check-in and the directory (empty and with a search). Signs in once as the demo
 * {@code resident}, warms every page up, then requests each page in turn (default 200
 * times each, {@code -Dbench.requests}) and prints p50/p95/p99, the process CPU time per
 * request (server and client in this JVM) and the SQL statements per request (counted on
 * the pool's connections). Prints, never asserts.
 *
 * <pre>
 * createdb -h 127.0.0.1 -U postgres cpr_bench_pages
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.cpr.platform.bench.ParticipantPagesLoad \
 *      jdbc:postgresql://127.0.0.1:5432/cpr_bench_pages 200      # requests per page
 * </pre>
 */
public final class ParticipantPagesLoad {

	static final String DEMO_PASSWORD = "demo-resilience-2026";

	static final Pattern RESULTS = Pattern.compile("/snapshot/results/([0-9a-f-]{36})");

	static final Pattern WAVE = Pattern.compile("/surveys/waves/([0-9a-f-]{36})");

	static final AtomicLong STATEMENTS = new AtomicLong();

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/cpr_bench_pages";
		int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CprApplication.class).profiles("demo")
			.initializers(c -> c.getBeanFactory().addBeanPostProcessor(new CountingDataSources()))
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.port=" + System.getProperty("bench.port", "0"),
					// plain HTTP on loopback; the other load generators' sign-ins came
					// from
					// this address too
					"--server.servlet.session.cookie.secure=false", "--cpr.identity.login-attempts-per-client=100000",
					"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			String csrf = SnapshotHttpLoad.csrf(SnapshotHttpLoad.get(http, base + "/login").body());
			HttpResponse<String> login = SnapshotHttpLoad.post(http, base + "/login",
					Map.of("username", "resident", "password", DEMO_PASSWORD, "_csrf", csrf));
			if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException(
						"sign-in failed: " + login.statusCode() + " " + login.headers().firstValue("Location"));
			}
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("home", "/home");
			pages.put("snapshot landing", "/snapshot");
			for (int n = 1; n <= 7; n++) {
				pages.put("snapshot step " + n, "/snapshot/take/" + n);
			}
			Matcher results = RESULTS.matcher(SnapshotHttpLoad.get(http, base + "/snapshot").body());
			if (results.find()) {
				pages.put("results (latest of the demo year)", "/snapshot/results/" + results.group(1));
			}
			pages.put("my surveys", "/surveys");
			Matcher wave = WAVE.matcher(SnapshotHttpLoad.get(http, base + "/surveys").body());
			if (wave.find()) {
				pages.put("survey form", "/surveys/waves/" + wave.group(1));
			}
			pages.put("check-in", "/checkin");
			pages.put("directory", "/directory");
			pages.put("directory search", "/directory?q=counseling");
			for (String path : pages.values()) {
				for (int i = 0; i < 20; i++) {
					SnapshotHttpLoad.get(http, base + path);
				}
			}
			com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
			System.out.printf("%-36s %6s %8s %8s %8s %8s %9s %6s %7s%n", "page", "status", "p50 ms", "p95 ms", "p99 ms",
					"max ms", "CPU ms/rq", "SQL/rq", "KB");
			for (Map.Entry<String, String> page : pages.entrySet()) {
				List<Long> nanos = new ArrayList<>(requests);
				int status = 0;
				int size = 0;
				long cpu0 = os.getProcessCpuTime();
				long sql0 = STATEMENTS.get();
				for (int i = 0; i < requests; i++) {
					long t0 = System.nanoTime();
					HttpResponse<String> res = SnapshotHttpLoad.get(http, base + page.getValue());
					nanos.add(System.nanoTime() - t0);
					status = res.statusCode();
					size = res.body().length();
				}
				double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / requests;
				double sql = (STATEMENTS.get() - sql0) / (double) requests;
				nanos.sort(null);
				System.out.printf("%-36s %6d %8.1f %8.1f %8.1f %8.1f %9.1f %6.1f %7.1f%n", page.getKey(), status,
						SnapshotHttpLoad.pct(nanos, 50), SnapshotHttpLoad.pct(nanos, 95),
						SnapshotHttpLoad.pct(nanos, 99), nanos.getLast() / 1e6, cpu, sql, size / 1024.0);
			}
			System.out.printf("load average (1 min): %.2f%n", os.getSystemLoadAverage());
		}
		finally {
			app.close();
		}
	}

	/**
	 * Wraps the application's data source so every statement prepared on it is counted.
	 */
	static final class CountingDataSources implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			if (bean instanceof DataSource ds && !(bean instanceof CountingDataSource)) {
				return new CountingDataSource(ds);
			}
			return bean;
		}

	}

	static final class CountingDataSource extends DelegatingDataSource {

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		static Connection counted(Connection target) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						String m = method.getName();
						if (m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall")) {
							STATEMENTS.incrementAndGet();
						}
						try {
							return method.invoke(target, args);
						}
						catch (InvocationTargetException e) {
							throw e.getCause();
						}
					});
		}

	}

	private ParticipantPagesLoad() {
	}

}
