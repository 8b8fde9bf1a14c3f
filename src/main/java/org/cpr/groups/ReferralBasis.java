package org.cpr.groups;

/**
 * On what grounds a leader refers a member to a resilience clinician: the member agreed,
 * or, without their consent, the crisis protocol (immediate risk), which raises the most
 * urgent alert.
 */
public enum ReferralBasis {

	CONSENT, CRISIS_PROTOCOL

}
