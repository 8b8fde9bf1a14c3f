package org.cpr.groups.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.groups.GroupFeedback;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour (at minute 7, {@code cpr.groups.feedback-cron}): the attendees of meetings
 * that just ended are asked for anonymous feedback. State lives in the database; ShedLock
 * keeps two nodes from sending twice.
 */
@Component
class FeedbackJob {

	private final GroupFeedback feedback;

	FeedbackJob(GroupFeedback feedback) {
		this.feedback = feedback;
	}

	@Scheduled(cron = "${cpr.groups.feedback-cron:0 7 * * * *}")
	@SchedulerLock(name = "groups-feedback-waves", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	void send() {
		feedback.sendDue();
	}

}
