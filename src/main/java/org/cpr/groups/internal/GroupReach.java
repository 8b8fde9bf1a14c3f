package org.cpr.groups.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells evaluation who attended at least one (not cancelled) mentoring-group meeting in a
 * window.
 */
@Component
class GroupReach implements InterventionReach {

	private final GroupStore store;

	GroupReach(GroupStore store) {
		this.store = store;
	}

	@Override
	public InterventionType type() {
		return InterventionType.MENTORING_GROUP;
	}

	@Override
	@Transactional(readOnly = true)
	public Reach reach(LocalDate from, LocalDate toExclusive) {
		return new Reach.Participants(store.attendedBetween(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				toExclusive.atStartOfDay(ZoneOffset.UTC).toInstant()));
	}

}
