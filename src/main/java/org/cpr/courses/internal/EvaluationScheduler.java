package org.cpr.courses.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.courses.SessionEvaluations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends session evaluations and pre/post measures when they are due (every 15 minutes by
 * default, one node at a time).
 */
@Component
class EvaluationScheduler {

	private final SessionEvaluations evaluations;

	EvaluationScheduler(SessionEvaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Scheduled(cron = "${cpr.courses.evaluation-cron:0 */15 * * * *}")
	@SchedulerLock(name = "course-session-evaluations", lockAtMostFor = "PT10M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	void sendDue() {
		evaluations.sendDue();
	}

}
