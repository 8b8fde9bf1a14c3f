package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.cpr.identity.IdentityManagement;
import org.cpr.safety.checkin.CheckinHousekeeping;
import org.cpr.safety.checkin.CheckinService;
import org.cpr.shared.PersonId;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.TestMail;
import org.cpr.support.UsesTestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check-in over real HTTP and SMTP: no trace of the sender (T5 canary), alert e-mail
 * without health information falling back past a clinician with no address, the doorbell
 * that says only "a reply is waiting", and deletion of idle accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cpr.safety.mailbox=safety-desk@campus.example")
@Import(MutableClockConfiguration.class)
@UsesTestMail
@ExtendWith(OutputCaptureExtension.class)
class CheckinOperationsTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@RegisterExtension
	static GreenMailExtension greenMail = TestMail.server();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	CheckinService checkins;

	@Autowired
	CheckinHousekeeping retention;

	@Autowired
	SafetyAlerts alerts;

	@Autowired
	MutableClock clock;

	final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	PersonId clinician;

	@BeforeEach
	void ladder() {
		clinician = identity.byUsername("clinician").orElseThrow().id();
		alerts.replaceOnCallLadder(List.of(new PersonId(UUID.randomUUID()), clinician));
	}

	@Test
	void aCriticalCheckinLeavesNoTraceOfItsSenderAndMailsTheBackupWithoutDetails(CapturedOutput output)
			throws Exception {
		String userAgent = "CanaryAgent/" + UUID.randomUUID();
		String forwardedFor = "198.51.100." + (1 + ThreadLocalRandom.current().nextInt(250));
		signIn("resident");
		String sessionId = cookies.getOrDefault("CPRSESSION", "");
		assertThat(sessionId).as("signed in").isNotBlank();
		String personId = identity.byUsername("resident").orElseThrow().id().toString();
		String handle = "canary-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/checkin"))
			.header("User-Agent", userAgent)
			.header("X-Forwarded-For", forwardedFor)
			.GET());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).as("the page does not know who is signed in").doesNotContain("Sign out");
		assertThat(form.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("CPRSESSION"));
		HttpResponse<String> sent = send(HttpRequest.newBuilder(uri("/checkin"))
			.header("User-Agent", userAgent)
			.header("X-Forwarded-For", forwardedFor)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(answers(csrf(form.body()), handle)))));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("Your check-in was received");

		String everything = String.join("\n", jdbc.sql("SCRIPT").query(String.class).list());
		String checkinTables = String.join("\n",
				jdbc.sql("SCRIPT TABLE checkin_account, checkin_submission, checkin_message, checkin_reveal")
					.query(String.class)
					.list());
		assertThat(everything).as("no table holds the client's agent or address")
			.doesNotContain(userAgent)
			.doesNotContain(forwardedFor);
		assertThat(checkinTables).doesNotContain(sessionId).doesNotContain(personId).doesNotContain(handle);
		assertThat(greenMail.waitForIncomingEmail(10_000, 1)).as("the on-call ladder was e-mailed").isTrue();
		MimeMessage mail = greenMail.getReceivedMessages()[0];
		String clinicianEmail = identity.person(clinician).orElseThrow().email();
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(clinicianEmail);
		assertThat(mail.getSubject()).isEqualTo("A new item needs review");
		assertThat(GreenMailUtil.getBody(mail)).doesNotContain("PHQ")
			.doesNotContain("item 9")
			.doesNotContain("Tier")
			.doesNotContain(handle);
		String appLog = output.getAll()
			.lines()
			.filter(l -> !l.toLowerCase().contains("greenmail"))
			.collect(Collectors.joining("\n"));
		assertThat(appLog).contains("Operational alarm")
			.doesNotContain(clinicianEmail)
			.doesNotContain(userAgent)
			.doesNotContain(forwardedFor)
			.doesNotContain(sessionId)
			.doesNotContain(handle);
	}

	@Test
	void theDoorbellSaysOnlyThatAReplyIsWaiting() throws Exception {
		HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/checkin")).GET());
		String handle = "bell-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> fields = answers(csrf(form.body()), handle);
		fields.put("doorbell", "doorbell-owner@example.org");
		send(HttpRequest.newBuilder(uri("/checkin"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
		UUID submission = jdbc.sql(
				"SELECT s.id FROM checkin_submission s JOIN checkin_account a ON a.id = s.account_id WHERE a.handle_hash = ?")
			.param(CheckinWebTests.hash(handle))
			.query(UUID.class)
			.single();
		assertThat(String.join("\n", jdbc.sql("SCRIPT TABLE checkin_account").query(String.class).list()))
			.as("the doorbell address is sealed")
			.doesNotContain("doorbell-owner@example.org");
		checkins.clinicianReplies(submission, clinician, "A personal reply with details");
		MimeMessage bell = await("the doorbell rang").atMost(Duration.ofSeconds(10))
			.until(() -> java.util.Arrays.stream(greenMail.getReceivedMessages())
				.filter(m -> recipients(m).contains("doorbell-owner@example.org"))
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
		assertThat(bell.getSubject()).isEqualTo("A reply is waiting for you");
		assertThat(GreenMailUtil.getBody(bell)).doesNotContain("personal reply").doesNotContain(handle);
	}

	@Test
	void idleAccountsAreDeletedWithEverythingInThem() {
		jdbc.sql("DELETE FROM checkin_account").update();
		UUID idle = account();
		clock.advance(Duration.ofDays(200));
		UUID recent = account();
		clock.advance(Duration.ofDays(200));
		assertThat(retention.purgeIdle()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT id FROM checkin_account").query(UUID.class).list()).containsExactly(recent);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_submission WHERE account_id = ?")
			.param(idle)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_message WHERE account_id = ?")
			.param(idle)
			.query(Integer.class)
			.single()).isZero();
	}

	private UUID account() {
		String handle = "idle-" + UUID.randomUUID().toString().substring(0, 8);
		var outcome = new org.cpr.safety.checkin.CheckinInstruments.Outcome(
				new org.cpr.safety.checkin.CheckinTiering.Scores(3, 0, 2, 0, 2), Map.of(), "{}");
		checkins.submit(handle, CheckinFixtures.PASSPHRASE, "x@example.org", UUID.randomUUID().toString(), outcome);
		UUID id = jdbc.sql("SELECT id FROM checkin_account WHERE handle_hash = ?")
			.param(CheckinWebTests.hash(handle))
			.query(UUID.class)
			.single();
		checkins.participantWrites(id, "hello");
		return id;
	}

	private static String recipients(MimeMessage m) {
		try {
			return GreenMailUtil.getAddressList(m.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	static Map<String, String> answers(String csrf, String handle) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("_csrf", csrf);
		f.put("handle", handle);
		f.put("passphrase", CheckinFixtures.PASSPHRASE);
		f.put("doorbell", "");
		f.put("idempotencyKey", UUID.randomUUID().toString());
		for (int i = 1; i <= 8; i++) {
			f.put("phq9_" + i, "1");
		}
		f.put("phq9_9", "2");
		for (int i = 1; i <= 7; i++) {
			f.put("gad7_" + i, "1");
		}
		f.put("pcptsd5_exposure", "false");
		f.put("burnout_1", "3");
		return f;
	}

	private void signIn(String username) throws Exception {
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET());
		HttpResponse<String> done = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(
					Map.of("username", username, "password", "demo-resilience-2026", "_csrf", csrf(login.body()))))));
		assertThat(done.statusCode()).isEqualTo(302);
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
