package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * T5 canary test over real HTTP: a signed-in resident sends an anonymous report from a
 * browser with a known user agent, forwarded address and session. Afterwards none of
 * those, nor the resident's id, is anywhere in the database rows of the report or in the
 * log output (I-8..I-10).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SpeakUpAnonymityCanaryTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Cookies kept by hand: the JDK's cookie manager will not send Secure cookies over
	 * plain-HTTP localhost.
	 */
	final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void anonymousReportLeavesNoTraceOfItsSender(CapturedOutput output) throws Exception {
		String userAgent = "CanaryAgent/" + UUID.randomUUID();
		String forwardedFor = "203.0.113." + (1 + (int) (Math.random() * 250));
		String body = "Canary report " + UUID.randomUUID();

		signIn("resident", "demo-resilience-2026");
		String sessionId = cookie("CPRSESSION");
		assertThat(sessionId).as("signed in").isNotBlank();
		String personId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM person WHERE username = 'resident'")
			.query(String.class)
			.single();

		HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/speak-up"))
			.header("User-Agent", userAgent)
			.header("X-Forwarded-For", forwardedFor)
			.GET());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).as("the page does not know who is signed in").doesNotContain("Sign out");
		assertThat(form.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("CPRSESSION"));

		String idempotencyKey = UUID.randomUUID().toString();
		HttpResponse<String> sent = send(HttpRequest.newBuilder(uri("/speak-up"))
			.header("User-Agent", userAgent)
			.header("X-Forwarded-For", forwardedFor)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("_csrf", csrf(form.body()), "channel",
					"MISTREATMENT", "category", "MISTREATMENT", "setting", "University Hospital", "body", body,
					"wantsReplies", "true", "idempotencyKey", idempotencyKey)))));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("Your report was received");

		String dump = String.join("\n", jdbc.sql("SCRIPT NODATA").query(String.class).list());
		String data = String.join(
				"\n", jdbc
					.sql("SCRIPT TABLE cqi_report, cqi_report_message, cqi_report_idempotency,"
							+ " cqi_report_identity, cqi_report_pool")
					.query(String.class)
					.list());
		// The report waits sealed for its weekly batch: stored, but its text is nowhere
		// in clear yet.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cqi_report_pool").query(Integer.class).single()).isPositive();
		assertThat(data).doesNotContain(body.substring(0, 20));
		assertThat(data).doesNotContain(userAgent)
			.doesNotContain(forwardedFor)
			.doesNotContain(sessionId)
			.doesNotContain(personId)
			.doesNotContain(idempotencyKey);
		assertThat(dump).isNotBlank();
		String everything = String.join("\n", jdbc.sql("SCRIPT").query(String.class).list());
		assertThat(everything).as("no table anywhere holds the client's agent or address")
			.doesNotContain(userAgent)
			.doesNotContain(forwardedFor);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cqi_report_identity").query(Integer.class).single()).isZero();
		assertThat(output.getAll()).doesNotContain(userAgent)
			.doesNotContain(forwardedFor)
			.doesNotContain(sessionId)
			.doesNotContain(body);
	}

	private void signIn(String username, String password) throws Exception {
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET());
		HttpResponse<String> done = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(formBody(Map.of("username", username, "password", password, "_csrf", csrf(login.body()))))));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private String cookie(String name) {
		return cookies.getOrDefault(name, "");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		if (!cookies.isEmpty()) {
			request.header("Cookie",
					cookies.entrySet()
						.stream()
						.map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			HttpCookie.parse(header).forEach(c -> cookies.put(c.getName(), c.getValue()));
		}
		return response;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("form carries a CSRF token").isTrue();
		return m.group(1);
	}

	private static String formBody(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
