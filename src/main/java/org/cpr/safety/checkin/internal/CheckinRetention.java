package org.cpr.safety.checkin.internal;

import java.sql.Date;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes anonymous check-in accounts idle for {@code cpr.checkin.idle-months} (default
 * 12; counsel sets it), with their doorbell address, screenings, messages and reveal
 * requests. Runs daily on one node (ShedLock). The alerts stay: they carry no answers and
 * no handle.
 */
@Component
class CheckinRetention {

	private final JdbcClient jdbc;

	private final CheckinAccess access;

	private final int idleMonths;

	CheckinRetention(JdbcClient jdbc, CheckinAccess access, @Value("${cpr.checkin.idle-months:12}") int idleMonths) {
		this.jdbc = jdbc;
		this.access = access;
		this.idleMonths = idleMonths;
	}

	@Scheduled(cron = "${cpr.checkin.retention-cron:0 30 3 * * *}", zone = "UTC")
	@SchedulerLock(name = "checkin-retention", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	@Transactional // the call below bypasses the proxy
	void scheduled() {
		purgeIdle();
	}

	/** Deletes idle accounts; returns how many. */
	@Transactional
	public int purgeIdle() {
		Date cutoff = Date.valueOf(access.today().minusMonths(idleMonths));
		return jdbc.sql("DELETE FROM checkin_account WHERE last_active_on < ?").param(cutoff).update();
	}

}
