package org.cpr.safety;

/**
 * How an alert ended; every alert closes with one (NPSG 15.01.01: document risk and
 * plan).
 */
public enum Disposition {

	CONTACTED_AND_ASSESSED, REFERRED, ALREADY_IN_CARE, UNABLE_TO_REACH_RETRY_SCHEDULED, ANONYMOUS_REPLY_SENT,
	NO_FURTHER_ACTION

}
