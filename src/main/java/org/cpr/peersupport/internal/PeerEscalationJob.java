package org.cpr.peersupport.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.peersupport.PeerRequests;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every five minutes: requests not contacted within the target (24 h) escalate to the
 * coordinators. State lives in the database; ShedLock keeps two nodes from escalating
 * twice.
 */
@Component
class PeerEscalationJob {

	private final PeerRequests requests;

	PeerEscalationJob(PeerRequests requests) {
		this.requests = requests;
	}

	@Scheduled(fixedDelayString = "${cpr.peersupport.escalation-check:PT5M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "peer-support-escalation", lockAtMostFor = "PT10M")
	void escalate() {
		requests.escalateOverdue();
	}

}
