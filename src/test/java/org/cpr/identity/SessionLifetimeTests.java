package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class SessionLifetimeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ServerProperties server;

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverActiveItWas() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session)
			.param("username", "resident")
			.param("password", "demo-resilience-2026")
			.with(csrf())).andExpect(redirectedUrl("/home"));
		for (int hour = 0; hour < 11; hour++) {
			clock.advance(Duration.ofHours(1));
			mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		}
		clock.advance(Duration.ofMinutes(59));
		mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(1));
		mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void theIdleSessionTimeoutIsConfiguredAsThirtyMinutes() {
		assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
	}

}
