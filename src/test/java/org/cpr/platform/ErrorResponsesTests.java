package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors seen over real HTTP, where the servlet container forwards to the error
 * controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorResponsesTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String accept, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void unknownApiPathIsAProblemDetail() throws Exception {
		var response = get("/api/v1/no-such-thing?email=someone@example.org", "application/json",
				"cpr_demo_participant_4f7d2c9a1b6e8035");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":404")
			.contains("There is nothing at this address")
			.doesNotContain("someone@example.org");
	}

	@Test
	void unknownPublicPageIsAFriendlyHtmlPageWithTheCrisisLink() throws Exception {
		var response = get("/css/no-such-file.css", "text/html", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("We could not find that page").contains("/crisis");
	}

}
