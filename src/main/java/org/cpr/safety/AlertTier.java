package org.cpr.safety;

/** ISP-style risk tiers; tier 1 is the most urgent. */
public enum AlertTier {

	TIER_1, TIER_2, TIER_3

}
