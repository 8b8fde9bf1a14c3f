package org.cpr.assistance;

/** Why an episode of care ended. */
public enum ClosureReason {

	GOALS_MET, REFERRED_OUT, PERSON_DECLINED, NO_CONTACT, LEFT_INSTITUTION, OTHER

}
