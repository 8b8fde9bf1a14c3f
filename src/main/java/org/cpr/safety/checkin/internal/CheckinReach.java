package org.cpr.safety.checkin.internal;

import java.sql.Date;
import java.time.LocalDate;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymous check-ins count for evaluation as contacts only: how many screenings were
 * submitted on days in the window. Accounts are anonymous, so there is no one to name and
 * nothing to link.
 */
@Component
class CheckinReach implements InterventionReach {

	private final JdbcClient jdbc;

	CheckinReach(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public InterventionType type() {
		return InterventionType.CHECK_IN;
	}

	@Override
	public Reach reach(LocalDate from, LocalDate toExclusive) {
		long count = jdbc.sql("SELECT COUNT(*) FROM checkin_submission WHERE submitted_on >= ? AND submitted_on < ?")
			.params(Date.valueOf(from), Date.valueOf(toExclusive))
			.query(Long.class)
			.single();
		return new Reach.CountOnly(count, Reach.CountOnly.Unit.CONTACTS);
	}

}
