package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Behind a TLS-terminating proxy: a trusted proxy's X-Forwarded-Proto turns HSTS on and
 * its X-Forwarded-For is the client the sign-in throttle counts; anyone else's forwarded
 * headers are ignored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ForwardedHeadersTests {

	static final String TRUSTED_PROXY = "127.0.0.1";

	@Autowired
	MockMvc mvc;

	String hsts(String from, String proto) throws Exception {
		return mvc.perform(get("/login").header("X-Forwarded-Proto", proto).with(r -> {
			r.setRemoteAddr(from);
			return r;
		})).andReturn().getResponse().getHeader("Strict-Transport-Security");
	}

	String signIn(String from, String forwardedFor) throws Exception {
		return mvc.perform(post("/login").param("username", "nobody-here")
			.param("password", "wrong-password-123")
			.with(csrf())
			.header("X-Forwarded-For", forwardedFor)
			.with(r -> {
				r.setRemoteAddr(from);
				return r;
			})).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void httpsSaidByATrustedProxyGetsHsts() throws Exception {
		assertThat(hsts(TRUSTED_PROXY, "https")).contains("max-age=");
		assertThat(hsts(TRUSTED_PROXY, "http")).isNull();
		assertThat(hsts("203.0.113.200", "https")).as("an untrusted client cannot claim https").isNull();
	}

	@Test
	void behindATrustedProxyTheThrottleCountsEachRealClient() throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(signIn(TRUSTED_PROXY, "198.51.100.60")).isEqualTo("/login?error=bad");
		}
		assertThat(signIn(TRUSTED_PROXY, "198.51.100.60")).isEqualTo("/login?error=throttled");
		assertThat(signIn(TRUSTED_PROXY, "198.51.100.61")).as("another client behind the same proxy")
			.isEqualTo("/login?error=bad");
		assertThat(signIn(TRUSTED_PROXY, "10.1.1.1, 198.51.100.60")).as("a forged leftmost entry changes nothing")
			.isEqualTo("/login?error=throttled");
	}

	@Test
	void anUntrustedSourceCannotChooseItsAddress() throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(signIn("203.0.113.201", "198.51.100." + i)).isEqualTo("/login?error=bad");
		}
		assertThat(signIn("203.0.113.201", "198.51.100.99")).isEqualTo("/login?error=throttled");
	}

}
