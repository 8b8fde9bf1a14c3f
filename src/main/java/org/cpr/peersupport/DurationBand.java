package org.cpr.peersupport;

/** How long an encounter lasted, in bands (never minutes). */
public enum DurationBand {

	UNDER_15_MIN, MIN_15_TO_30, MIN_30_TO_60, OVER_60_MIN

}
