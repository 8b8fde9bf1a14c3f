package org.cpr.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A test that moves time leaves the next test at the known start, whatever the run order;
 * sign-in attempts recorded by one test do not throttle the next one's sign-ins.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MutableClockResetTests {

	@Autowired
	MutableClock clock;

	@Autowired
	Clock injected;

	@Autowired
	MockMvc mvc;

	/** The demo campus's password (README). */
	static final String PASSWORD = "demo-resilience-2026";

	@Test
	@Order(1)
	void aTestMovesTheClockFarAhead() {
		clock.advance(Duration.ofDays(400));
		assertThat(injected.instant()).isEqualTo(MutableClock.START.plus(Duration.ofDays(400)));
	}

	@Test
	@Order(2)
	void theNextTestStartsAtTheKnownInstantAgain() {
		assertThat(injected.instant()).isEqualTo(MutableClock.START);
	}

	@Test
	@Order(3)
	@ClockStartsAt("2026-12-01T08:00:00Z")
	void aTestCanNameItsOwnStart() {
		assertThat(injected.instant()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
	}

	@Test
	@Order(4)
	void aTestUsesUpTheSignInThrottleOfMockMvcsAddress() throws Exception {
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/login").param("username", "nobody-" + i).param("password", "x").with(csrf()))
				.andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(post("/login").param("username", "resident").param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error=throttled"));
	}

	@Test
	@Order(5)
	void theNextTestSignsInFromTheSameAddress() throws Exception {
		mvc.perform(post("/login").param("username", "resident").param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/home"));
	}

}
