package org.cpr.identity.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets sign-in attempts once they are out of the throttle window (clients that never
 * came back).
 */
@Component
class LoginAttemptPurge {

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginAttemptPurge(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	@SchedulerLock(name = "login-attempt-purge", lockAtMostFor = "PT5M")
	void purge() {
		jdbc.sql("DELETE FROM login_attempt WHERE attempted_at <= :since")
			.param("since", java.sql.Timestamp.from(clock.instant().minus(LoginThrottleFilter.WINDOW)))
			.update();
	}

}
