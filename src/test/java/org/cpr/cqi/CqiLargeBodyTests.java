package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Oversize free text over real HTTP (the servlet container's form limits differ from
 * MockMvc's): a 1 MB speak-up report comes back as a field message with the text kept; a
 * 10 MB body is refused without a server error; a signed-in facilitator's 1 MB problem
 * statement likewise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CqiLargeBodyTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aOneMegabyteReportIsRefusedWithAFieldMessageAndKeptAndTenMegabytesIsNoServerError() throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/speak-up")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookies = cookies(form, "");
		String token = csrf(form.body());
		String oneMb = "Unsafe staffing on nights. ".repeat(40_000).substring(0, 1_048_576);
		HttpResponse<String> big = postForm("/speak-up", cookies,
				"_csrf=" + enc(token) + "&channel=SYSTEMIC&category=STAFFING" + "&idempotencyKey=" + UUID.randomUUID()
						+ "&body=" + enc(oneMb));
		assertThat(big.statusCode()).isEqualTo(200);
		assertThat(big.body()).contains("This report is longer than 10,000 characters")
			.contains(oneMb.substring(0, 5000))
			.hasSizeGreaterThan(1_000_000)
			.doesNotContain("Your report was received");

		String tenMb = "x".repeat(10 * 1024 * 1024);
		HttpResponse<String> huge = postForm("/speak-up", cookies, "_csrf=" + enc(token)
				+ "&channel=SYSTEMIC&category=STAFFING" + "&idempotencyKey=" + UUID.randomUUID() + "&body=" + tenMb);
		assertThat(huge.statusCode()).as("10 MB body: " + huge.body()).isIn(400, 413);
		assertThat(huge.body()).doesNotContain("Exception").doesNotContain("maxPostSize");
		assertThat(huge.body()).doesNotContain("Your report was received");
	}

	@Test
	void aSignedInFacilitatorsOneMegabyteProblemStatementGetsAFieldMessage() throws Exception {
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookies = cookies(login, "");
		HttpResponse<String> signedIn = postForm("/login", cookies,
				"_csrf=" + enc(csrf(login.body())) + "&username=facilitator&password=demo-resilience-2026");
		cookies = cookies(signedIn, cookies);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> newItem = http.send(
				HttpRequest.newBuilder(uri("/cqi/items/new")).header("Cookie", cookies).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(newItem.statusCode()).isEqualTo(200);
		String oneMb = "p".repeat(1_048_576);
		HttpResponse<String> refused = postForm("/cqi/items", cookies,
				"_csrf=" + enc(csrf(newItem.body())) + "&title=Big&category=OTHER&problemStatement=" + oneMb);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("This text is too long").contains("value=\"Big\"").contains(oneMb);
	}

	private HttpResponse<String> postForm(String path, String cookies, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Cookie", cookies)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Secure cookies are sent by hand: java.net's cookie store would withhold them over
	 * plain http.
	 */
	private static String cookies(HttpResponse<?> response, String earlier) {
		java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
		for (String c : earlier.isEmpty() ? List.<String>of() : List.of(earlier.split("; "))) {
			jar.put(c.substring(0, c.indexOf('=')), c);
		}
		response.headers().allValues("Set-Cookie").forEach(h -> {
			String pair = h.split(";", 2)[0];
			jar.put(pair.substring(0, pair.indexOf('=')), pair);
		});
		return jar.values().stream().collect(Collectors.joining("; "));
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("form carries a CSRF token").isTrue();
		return m.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
