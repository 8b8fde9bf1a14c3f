package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.cpr.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two application nodes (child JVMs) on one PostgreSQL with sessions in the database: a
 * system administrator signs in on node A and starts enrolling two-step sign-in; node A
 * is killed (SIGKILL); node B accepts the same session cookie, the CSRF token node A put
 * in the form and the half-finished enrolment (the pending TOTP secret lives in the
 * session), and then serves the signed-in person.
 */
@ExtendWith(PostgresAvailable.class)
class NodeFailoverIT {

	static final String PASSWORD = "demo-resilience-2026";
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	String cookie = "";

	@Test
	void aSignedInPersonKeepsSessionCsrfTokenAndMfaEnrolmentWhenTheirNodeDies() throws Exception {
		int portA = freePort();
		int portB = freePort();
		Process a = start(portA, "a");
		Process b = null;
		try {
			waitUntilReady(a, portA);
			b = start(portB, "b");
			String username = copyOf("sysadmin");

			String loginForm = send(portA, "GET", "/login", null).body();
			HttpResponse<String> signedIn = send(portA, "POST", "/login",
					Map.of("username", username, "password", PASSWORD, "_csrf", csrf(loginForm)));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

			String enrolPage = send(portA, "GET", "/mfa/enrol", null).body();
			Matcher secret = SECRET.matcher(enrolPage);
			assertThat(secret.find()).as("node A shows the enrolment page").isTrue();
			String token = csrf(enrolPage);
			assertThat(count("SELECT COUNT(*) FROM spring_session_attributes a JOIN spring_session s"
					+ " ON s.primary_id = a.session_primary_id WHERE s.principal_name = '" + username + "'"))
				.as("the session is in PostgreSQL")
				.isPositive();

			a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			waitUntilReady(b, portB);

			long step = System.currentTimeMillis() / 1000 / 30;
			HttpResponse<String> enrolled = send(portB, "POST", "/mfa/enrol",
					Map.of("code", new DefaultCodeGenerator().generate(secret.group(1), step), "_csrf", token));
			assertThat(enrolled.headers().firstValue("Location").orElse(""))
				.as("node B accepts node A's CSRF token and the pending secret from the shared session")
				.endsWith("/mfa/recovery-codes");
			HttpResponse<String> account = send(portB, "GET", "/account", null);
			assertThat(account.statusCode()).as("still signed in, second factor passed, on the surviving node")
				.isEqualTo(200);
		}
		finally {
			a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			if (b != null) {
				b.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	HttpResponse<String> send(int port, String method, String path, Map<String, String> form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (!cookie.isEmpty()) {
			request.header("Cookie", cookie);
		}
		if (form == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&"))));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("CPRSESSION="))
			.findFirst()
			.ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
		return response;
	}

	static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("the page carries a CSRF token").isTrue();
		return m.group(1);
	}

	/**
	 * A fresh system administrator copied from the demo one, so this test enrols nobody
	 * other tests use.
	 */
	static String copyOf(String demoLogin) throws Exception {
		String username = demoLogin + "-" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = connect()) {
			UUID id = UUID.randomUUID();
			try (PreparedStatement s = c
				.prepareStatement("INSERT INTO person (id, username, email, display_name, trainee_type,"
						+ " password_hash, active, created_at) SELECT ?, ?, ?, display_name, trainee_type, password_hash, TRUE, created_at"
						+ " FROM person WHERE username = ?")) {
				s.setObject(1, id);
				s.setString(2, username);
				s.setString(3, username + "@example.org");
				s.setString(4, demoLogin);
				assertThat(s.executeUpdate()).isEqualTo(1);
			}
			try (PreparedStatement s = c
				.prepareStatement("INSERT INTO role_grant (id, person_id, role, org_unit_id, granted_at)"
						+ " SELECT gen_random_uuid(), ?, role, org_unit_id, granted_at FROM role_grant g JOIN person p"
						+ " ON p.id = g.person_id WHERE p.username = ?")) {
				s.setObject(1, id);
				s.setString(2, demoLogin);
				s.executeUpdate();
			}
		}
		return username;
	}

	static long count(String sql) throws Exception {
		try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static Connection connect() throws Exception {
		return DriverManager.getConnection(PostgresAvailable.url(), PostgresAvailable.user(),
				PostgresAvailable.password());
	}

	private Process start(int port, String node) throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx640m", "-cp", classPath,
				"-Dspring.profiles.active=test", "org.cpr.CprApplication", "--server.port=" + port,
				"--spring.datasource.url=" + PostgresAvailable.url(),
				"--spring.datasource.username=" + PostgresAvailable.user(),
				"--spring.datasource.password=" + PostgresAvailable.password(),
				// the test profile keeps MockMvc tests on container sessions; here the
				// production session store is on
				"--spring.autoconfigure.exclude=", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--spring.jmx.enabled=false", "--springdoc.api-docs.enabled=false"));
		File log = Path.of("target", "failover-node-" + node + ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private void waitUntilReady(Process child, int port) {
		await("the node starts within 4 minutes").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				assertThat(child.isAlive()).as("the node is running (see target/failover-node-*.log)").isTrue();
				try {
					return http
						.send(HttpRequest
							.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(2))
							.build(), HttpResponse.BodyHandlers.ofString())
						.statusCode() == 200;
				}
				catch (Exception notYet) {
					return false;
				}
			});
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
