package org.cpr.safety.checkin.internal;

import org.cpr.safety.checkin.CheckinHousekeeping;
import org.springframework.stereotype.Component;

/** The housekeeping jobs, each also running on its own schedule. */
@Component
class ScheduledCheckinHousekeeping implements CheckinHousekeeping {

	private final CheckinScrub scrub;

	private final CheckinRetention retention;

	ScheduledCheckinHousekeeping(CheckinScrub scrub, CheckinRetention retention) {
		this.scrub = scrub;
		this.retention = retention;
	}

	@Override
	public int scrub() {
		return scrub.scrub();
	}

	@Override
	public int purgeIdle() {
		return retention.purgeIdle();
	}

}
