package org.cpr.assessment;

/**
 * The snapshot's scheduled jobs, which operations and tests can also run now instead of
 * waiting for their schedule.
 */
public interface SnapshotJobs {

	/**
	 * Mails everyone whose chosen reminder cadence has come round since their last
	 * snapshot and last reminder; returns how many were sent. Daily on one node.
	 */
	int remind();

	/**
	 * Publishes the pseudonymous safety concern of every high-risk snapshot whose taker
	 * has not chosen how to be contacted within the grace period; returns how many. Every
	 * minute on one node ({@code cpr.snapshot.choice-check}).
	 */
	int publishUndecided();

}
