package org.cpr.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, reminds each entry's owner when its last review is more than six months
 * old, and again a month later if nothing happened. The reminder is published as an event
 * (the owner sees it in the directory administration list); e-mail delivery belongs to
 * the notification module.
 */
@Component
class ReviewReminderJob {

	private final DirectoryServiceRepository services;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final AuditPort audit;

	private final Clock clock;

	ReviewReminderJob(DirectoryServiceRepository services, org.springframework.context.ApplicationEventPublisher events,
			AuditPort audit, Clock clock) {
		this.services = services;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(cron = "${cpr.directory.review-reminder-cron:0 15 7 * * *}")
	@SchedulerLock(name = "directory-review-reminders", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	public void remindDaily() {
		remind();
	}

	/** Returns how many reminders were sent. */
	@Transactional
	public int remind() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<DirectoryServiceEntity> due = services.findReviewDue(today.minusMonths(6), today.minusMonths(1));
		for (DirectoryServiceEntity entity : due) {
			entity.reminded(today);
			events.publishEvent(new org.cpr.directory.DirectoryReviewDue(entity.getId(),
					new org.cpr.shared.PersonId(entity.getOwnerId()), entity.getLastReviewed()));
			audit.record(AuditEntry.success(null, "DIRECTORY_REVIEW_REMINDED", "directory_service",
					entity.getId().toString()));
		}
		return due.size();
	}

}
