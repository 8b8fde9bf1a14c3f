package org.cpr.assistance;

import java.util.Set;

/**
 * Where a referral stands: referred → contacted → first appointment → closed, or not
 * taken up.
 */
public enum ReferralStatus {

	REFERRED, CONTACTED, FIRST_APPOINTMENT, CLOSED, NOT_TAKEN_UP;

	/** The statuses a referral may move to from this one. */
	public Set<ReferralStatus> next() {
		return switch (this) {
			case REFERRED -> Set.of(CONTACTED, FIRST_APPOINTMENT, NOT_TAKEN_UP, CLOSED);
			case CONTACTED -> Set.of(FIRST_APPOINTMENT, NOT_TAKEN_UP, CLOSED);
			case FIRST_APPOINTMENT -> Set.of(CLOSED);
			case CLOSED, NOT_TAKEN_UP -> Set.of();
		};
	}

	public boolean open() {
		return this != CLOSED && this != NOT_TAKEN_UP;
	}

}
