package org.cpr.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recovers what a dead node left undelivered, on exactly one node of the cluster. The
 * registry's own start-up republication ({@code republish-outstanding-events-on-restart})
 * is off in production: with several nodes, a node that starts would replay every
 * publication the others are still delivering. This job instead resubmits publications
 * older than {@code cpr.events.resubmit-after} (default 2 minutes, well past any
 * listener's normal run), under a cluster-wide ShedLock, every
 * {@code cpr.events.resubmit-check}.
 */
@Component
class OutstandingEventResubmission {

	private final IncompleteEventPublications incomplete;

	private final Duration minAge;

	OutstandingEventResubmission(IncompleteEventPublications incomplete,
			@Value("${cpr.events.resubmit-after:PT2M}") Duration minAge) {
		this.incomplete = incomplete;
		this.minAge = minAge;
	}

	@Scheduled(fixedDelayString = "${cpr.events.resubmit-check:PT1M}",
			initialDelayString = "${cpr.events.resubmit-check:PT1M}")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
	void resubmit() {
		incomplete.resubmitIncompletePublicationsOlderThan(minAge);
	}

}
