package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Session cookie behaviour over real HTTP: flags, a new id at sign-in, and sign-out
 * ending the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> send(HttpRequest.Builder request, String session) throws Exception {
		if (session != null) {
			request.header("Cookie", "CPRSESSION=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("CPRSESSION="))
			.findFirst()
			.orElse("");
	}

	static String value(String setCookie) {
		return setCookie.substring("CPRSESSION=".length(), setCookie.indexOf(';'));
	}

	@Test
	void sessionCookieIsSecureHttpOnlySameSiteChangesAtSignInAndDiesAtSignOut() throws Exception {
		HttpResponse<String> loginPage = send(HttpRequest.newBuilder(uri("/login")).GET(), null);
		String anonymousCookie = sessionCookie(loginPage);
		assertThat(anonymousCookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
		String before = value(anonymousCookie);

		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=resident&password=demo-resilience-2026&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), before);
		assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/home");
		String after = value(sessionCookie(login));
		assertThat(after).as("session fixation protection").isNotEqualTo(before);
		assertThat(send(HttpRequest.newBuilder(uri("/home")).GET(), before).statusCode()).as("old id is useless")
			.isEqualTo(302);

		HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/home")).GET(), after);
		assertThat(home.statusCode()).isEqualTo(200);
		Matcher logoutCsrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
		assertThat(logoutCsrf.find()).isTrue();
		send(HttpRequest.newBuilder(uri("/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("_csrf=" + URLEncoder.encode(logoutCsrf.group(1), StandardCharsets.UTF_8))), after);
		HttpResponse<String> afterLogout = send(HttpRequest.newBuilder(uri("/home")).GET(), after);
		assertThat(afterLogout.statusCode()).isEqualTo(302);
		assertThat(afterLogout.headers().firstValue("Location").orElse("")).contains("/login");
	}

}
