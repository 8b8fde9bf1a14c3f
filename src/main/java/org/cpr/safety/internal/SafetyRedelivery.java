package org.cpr.safety.internal;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.safety.SafetyAlertEscalated;
import org.cpr.safety.SafetyAlertRaised;
import org.cpr.safety.SafetyConcern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * I-22 says "within a minute, despite crashes": the registry republishes incomplete
 * publications at start-up, but a delivery that fails while the application keeps running
 * would otherwise wait for the next restart. This job resubmits incomplete safety
 * publications (concerns, and the alert e-mails) older than
 * {@code cpr.safety.redelivery-after} (default 1 minute), on one node at a time.
 * Resubmitting one that is still in flight is harmless: alert ids are derived from the
 * source.
 */
@Component
class SafetyRedelivery {

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	private final Duration minAge;

	SafetyRedelivery(IncompleteEventPublications incomplete, Clock clock,
			@Value("${cpr.safety.redelivery-after:PT1M}") Duration minAge) {
		this.incomplete = incomplete;
		this.clock = clock;
		this.minAge = minAge;
	}

	@Scheduled(fixedDelayString = "${cpr.safety.redelivery-check:PT30S}", initialDelayString = "PT20S")
	@SchedulerLock(name = "safety-redelivery", lockAtMostFor = "PT5M")
	void redeliver() {
		incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withFilter(this::due));
	}

	boolean due(EventPublication publication) {
		Object event = publication.getEvent();
		boolean safety = event instanceof SafetyConcern || event instanceof SafetyAlertRaised
				|| event instanceof SafetyAlertEscalated;
		return safety && !publication.getPublicationDate().plus(minAge).isAfter(clock.instant());
	}

}
