package org.cpr.support;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A test that moves time leaves the next test at the known start, whatever the run order.
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

}
