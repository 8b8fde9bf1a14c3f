package org.cpr.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets sign-in links a day after they expired or were used: a spent or expired link is
 * refused the same way whether its row is there or not (an unknown link also gets the
 * "not valid" page), and the audit log keeps that it was issued and used.
 */
@Component
class SignInLinkPurge {

	static final Duration KEPT = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInLinkPurge(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	@SchedulerLock(name = "sign-in-link-purge", lockAtMostFor = "PT10M")
	void purge() {
		Timestamp before = Timestamp.from(clock.instant().minus(KEPT));
		jdbc.sql("DELETE FROM sign_in_link WHERE expires_at <= :before OR used_at <= :before")
			.param("before", before)
			.update();
	}

}
