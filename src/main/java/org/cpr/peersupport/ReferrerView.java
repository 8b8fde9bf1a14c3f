package org.cpr.peersupport;

/**
 * All a referring manager or colleague ever learns about a request: contact made, or not
 * yet. A decline shows as "not yet" so that it cannot be told apart.
 */
public enum ReferrerView {

	CONTACT_MADE, NOT_YET;

	public String messageKey() {
		return "peer.referrer." + name();
	}

}
