package org.cpr.cqi;

/** What the audience of a presentation decided. */
public enum Decision {

	ACCEPTED, DECLINED, DEFERRED, INFORMATION_ONLY

}
