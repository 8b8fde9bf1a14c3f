package org.cpr.directory;

/** How a person gets in. */
public enum AccessMode {

	WALK_IN, SELF_REFERRAL, REFERRAL

}
