package org.cpr.safety.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.safety.SafetyAlerts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Checks deadlines every 30 seconds. State lives in the database, so escalation survives
 * restarts, and ShedLock keeps two nodes from escalating the same alert twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertPolicy.class)
class EscalationJob {

	private final SafetyAlerts alerts;

	EscalationJob(SafetyAlerts alerts) {
		this.alerts = alerts;
	}

	@Scheduled(fixedDelayString = "${cpr.safety.escalation-check:PT30S}", initialDelayString = "PT10S")
	@SchedulerLock(name = "safety-escalation", lockAtMostFor = "PT5M")
	void escalate() {
		alerts.escalateOverdue();
	}

}
