package org.cpr.groups.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.groups.GroupFeedback;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: the attendees of meetings that just ended are asked for anonymous feedback.
 * State lives in the database; ShedLock keeps two nodes from sending twice.
 */
@Component
class FeedbackJob {

	private final GroupFeedback feedback;

	FeedbackJob(GroupFeedback feedback) {
		this.feedback = feedback;
	}

	@Scheduled(fixedDelayString = "${cpr.groups.feedback-check:PT1H}", initialDelayString = "PT2M")
	@SchedulerLock(name = "groups-feedback-waves", lockAtMostFor = "PT30M")
	void send() {
		feedback.sendDue();
	}

}
