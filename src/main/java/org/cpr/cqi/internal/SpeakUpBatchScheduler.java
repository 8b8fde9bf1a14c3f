package org.cpr.cqi.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases due weekly batches of anonymous speak-up reports even when nobody opens the
 * review queue, so counts and dashboards see them from their review day. ShedLock keeps
 * one node at a time; the release itself is safe to repeat.
 */
@Component
class SpeakUpBatchScheduler {

	private final SpeakUpPool pool;

	private final Clock clock;

	SpeakUpBatchScheduler(SpeakUpPool pool, Clock clock) {
		this.pool = pool;
		this.clock = clock;
	}

	@Scheduled(cron = "${cpr.cqi.speak-up-release-cron:0 15 * * * *}")
	@SchedulerLock(name = "cqi-speak-up-release", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	public void releaseDue() {
		pool.releaseDue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

}
