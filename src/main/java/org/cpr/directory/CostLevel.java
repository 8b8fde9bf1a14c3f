package org.cpr.directory;

/** What using a service costs. */
public enum CostLevel {

	FREE, LOW_COST, INSURANCE, FEE

}
