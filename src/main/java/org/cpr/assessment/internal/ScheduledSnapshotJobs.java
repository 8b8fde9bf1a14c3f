package org.cpr.assessment.internal;

import org.cpr.assessment.SnapshotJobs;
import org.springframework.stereotype.Component;

/** The jobs, each also running on its own schedule. */
@Component
class ScheduledSnapshotJobs implements SnapshotJobs {

	private final Reminders reminders;

	private final SafetyRouting routing;

	ScheduledSnapshotJobs(Reminders reminders, SafetyRouting routing) {
		this.reminders = reminders;
		this.routing = routing;
	}

	@Override
	public int remind() {
		return reminders.remind();
	}

	@Override
	public int publishUndecided() {
		return routing.publishUndecided();
	}

}
