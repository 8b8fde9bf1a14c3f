package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Redirects behind a TLS-terminating proxy, over real HTTP through Tomcat (MockMvc would
 * not show it: the bug was Tomcat making a relative redirect absolute from its own
 * connector request). Every redirect a user follows after a trusted proxy said
 * {@code X-Forwarded-Proto: https} and {@code X-Forwarded-Host: cpr.example.edu} keeps
 * https and the public host: the sign-in page Spring Security sends an anonymous visitor
 * to, a refused sign-in, a successful sign-in, and an application redirect (starting a
 * Snapshot). The same headers from an address that is not a trusted proxy change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxyRedirectsTests {

	static final String PUBLIC_HOST = "cpr.example.edu";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpRequest.Builder viaProxy(String host, String path) {
		return HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
			.header("X-Forwarded-For", "198.51.100.7")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", PUBLIC_HOST)
			.header("X-Forwarded-Port", "443");
	}

	HttpResponse<String> send(HttpRequest.Builder request, String session) throws Exception {
		if (session != null) {
			request.header("Cookie", "CPRSESSION=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String location(HttpResponse<?> response) {
		assertThat(response.statusCode()).as("a redirect").isBetween(301, 303);
		return response.headers().firstValue("Location").orElseThrow();
	}

	static String session(HttpResponse<?> response, String current) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("CPRSESSION="))
			.map(c -> c.substring("CPRSESSION=".length(), c.indexOf(';')))
			.findFirst()
			.orElse(current);
	}

	/**
	 * Where a browser at https://cpr.example.edu/… lands when it follows the Location.
	 */
	static URI followed(String location) {
		return URI.create("https://" + PUBLIC_HOST + "/home").resolve(location);
	}

	HttpResponse<String> signIn(String host, String password, String[] session) throws Exception {
		HttpResponse<String> page = send(viaProxy(host, "/login").GET(), null);
		session[0] = session(page, null);
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=resident&password=" + password + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = send(
				viaProxy(host, "/login").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)),
				session[0]);
		session[0] = session(login, session[0]);
		return login;
	}

	@Test
	void everyRedirectBehindATrustedProxyKeepsHttpsAndThePublicHost() throws Exception {
		String toSignIn = location(send(viaProxy("127.0.0.1", "/home").GET(), null));
		assertThat(followed(toSignIn)).as("an anonymous visitor sent to the sign-in page")
			.isEqualTo(URI.create("https://" + PUBLIC_HOST + "/login"));

		String[] session = new String[1];
		String refused = location(signIn("127.0.0.1", "not-the-password-1", session));
		assertThat(refused).as("the Location itself never names plain http").doesNotStartWith("http:");
		assertThat(followed(refused)).as("a refused sign-in")
			.isEqualTo(URI.create("https://" + PUBLIC_HOST + "/login?error=bad"));

		String signedIn = location(signIn("127.0.0.1", "demo-resilience-2026", session));
		assertThat(signedIn).doesNotStartWith("http:");
		assertThat(followed(signedIn)).as("a successful sign-in")
			.isEqualTo(URI.create("https://" + PUBLIC_HOST + "/home"));

		String snapshot = location(send(viaProxy("127.0.0.1", "/snapshot/take").GET(), session[0]));
		assertThat(snapshot).doesNotStartWith("http:");
		assertThat(followed(snapshot)).as("an application redirect (redirect:/snapshot/take/1)")
			.isEqualTo(URI.create("https://" + PUBLIC_HOST + "/snapshot/take/1"));
	}

	@Test
	void theSameHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
		// The default trusts loopback only; this machine's own non-loopback address is
		// "someone else".
		Optional<String> own = NetworkInterface.networkInterfaces().filter(i -> {
			try {
				return i.isUp() && !i.isLoopback();
			}
			catch (java.net.SocketException ex) {
				return false;
			}
		})
			.flatMap(NetworkInterface::inetAddresses)
			.filter(Inet4Address.class::isInstance)
			.map(InetAddress::getHostAddress)
			.findFirst();
		Assumptions.assumeTrue(own.isPresent(), "no non-loopback IPv4 address on this machine");
		String host = own.get();

		String toSignIn = location(send(viaProxy(host, "/home").GET(), null));
		URI resolved = URI.create("http://" + host + ":" + port + "/home").resolve(toSignIn);
		assertThat(resolved).as("the forged proto and host are not believed")
			.isEqualTo(URI.create("http://" + host + ":" + port + "/login"));

		String[] session = new String[1];
		String refused = location(signIn(host, "not-the-password-1", session));
		assertThat(refused).doesNotContain(PUBLIC_HOST).doesNotStartWith("https:");
	}

}
