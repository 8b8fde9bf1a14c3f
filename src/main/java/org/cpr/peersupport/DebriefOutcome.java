package org.cpr.peersupport;

/** Whether a supporter's own debrief took place (nothing of what was said). */
public enum DebriefOutcome {

	SCHEDULED, DONE, NOT_DONE

}
