package org.cpr;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SmokeTests {

	@Autowired
	MockMvc mvc;

	@Test
	void loginPageShowsFormWithStrictHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(content().string(containsString("/crisis")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void demoResidentSignsInAndReachesHome() throws Exception {
		var signIn = mvc
			.perform(
					post("/login").param("username", "resident").param("password", "demo-resilience-2026").with(csrf()))
			.andExpect(redirectedUrl("/home"))
			.andReturn();
		var session = (org.springframework.mock.web.MockHttpSession) signIn.getRequest().getSession(false);
		mvc.perform(get("/home").session(session)).andExpect(status().isOk());
	}

	@Test
	void wrongPasswordSaysSoWithoutRevealingTheAccount() throws Exception {
		mvc.perform(post("/login").param("username", "resident").param("password", "not-the-password").with(csrf()))
			.andExpect(redirectedUrl("/login?error=bad"));
		// an account that does not exist gets exactly the same answer
		mvc.perform(post("/login").param("username", "no-such-user-7f3a")
			.param("password", "not-the-password")
			.with(csrf())).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(get("/login").param("error", "bad"))
			.andExpect(content().string(containsString("The user name or password is not right")));
	}

	@Test
	void spanishIsOneClickAway() throws Exception {
		mvc.perform(get("/login").param("lang", "es")).andExpect(content().string(containsString("Iniciar sesión")));
	}

	@Test
	void apiWithoutTokenIsAProblemDetail() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void openApiDescribesTheApiWithBearerTokens() throws Exception {
		mvc.perform(get("/api/docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CPR platform API")))
			.andExpect(content().string(containsString("bearer")));
	}

	@Test
	void readinessIsPublicAndMetricsAreForSystemAdministrators() throws Exception {
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
		// Signed out: refused (a scraper without a token gets 401, a browser may be sent
		// to sign in), never the metrics.
		var anonymous = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse();
		org.assertj.core.api.Assertions.assertThat(anonymous.getStatus()).isIn(302, 401);
		org.assertj.core.api.Assertions.assertThat(anonymous.getContentAsString())
			.doesNotContain("jvm_memory_used_bytes");
		mvc.perform(get("/actuator/prometheus")
			.with(org.cpr.support.TestUsers.signedIn(org.cpr.support.TestUsers.as(org.cpr.shared.Role.PARTICIPANT))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus")
			.with(org.cpr.support.TestUsers.signedIn(org.cpr.support.TestUsers.as(org.cpr.shared.Role.SYSTEM_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
	}

}
