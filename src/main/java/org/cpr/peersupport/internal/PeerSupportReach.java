package org.cpr.peersupport.internal;

import java.time.LocalDate;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.springframework.stereotype.Component;

/**
 * Tells evaluation how many peer support contacts there were (encounters plus
 * group-debrief attendance), never who: peer support must not be linkable to a person's
 * outcomes.
 */
@Component
class PeerSupportReach implements InterventionReach {

	private final RequestStore requests;

	private final DebriefStore debriefs;

	PeerSupportReach(RequestStore requests, DebriefStore debriefs) {
		this.requests = requests;
		this.debriefs = debriefs;
	}

	@Override
	public InterventionType type() {
		return InterventionType.PEER_SUPPORT;
	}

	@Override
	public Reach reach(LocalDate from, LocalDate toExclusive) {
		long contacts = requests.encounterCount(from, toExclusive) + debriefs.countAndAttendance(from, toExclusive)[1];
		return new Reach.CountOnly(contacts, Reach.CountOnly.Unit.CONTACTS);
	}

}
