package org.cpr.cqi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The improvement workflow: identified → analysed → solution proposed → presented →
 * decided (accepted / declined with reason) → in progress → implemented → re-measured →
 * closed.
 */
public enum CqiStatus {

	IDENTIFIED, ANALYSED, SOLUTION_PROPOSED, PRESENTED, ACCEPTED, DECLINED, IN_PROGRESS, IMPLEMENTED, REMEASURED,
	CLOSED;

	private static final Map<CqiStatus, Set<CqiStatus>> NEXT = Map.of(IDENTIFIED, EnumSet.of(ANALYSED), ANALYSED,
			EnumSet.of(SOLUTION_PROPOSED), SOLUTION_PROPOSED, EnumSet.of(PRESENTED), PRESENTED,
			EnumSet.of(ACCEPTED, DECLINED, SOLUTION_PROPOSED), ACCEPTED, EnumSet.of(IN_PROGRESS), DECLINED,
			EnumSet.of(CLOSED, SOLUTION_PROPOSED), IN_PROGRESS, EnumSet.of(IMPLEMENTED), IMPLEMENTED,
			EnumSet.of(REMEASURED), REMEASURED, EnumSet.of(CLOSED, IN_PROGRESS), CLOSED,
			EnumSet.noneOf(CqiStatus.class));

	public Set<CqiStatus> next() {
		return NEXT.get(this);
	}

	public boolean canMoveTo(CqiStatus target) {
		return next().contains(target);
	}

	/** Items still needing work count toward the overdue dashboard. */
	public boolean isOpen() {
		return this != CLOSED;
	}

}
