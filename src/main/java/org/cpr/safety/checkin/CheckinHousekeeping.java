package org.cpr.safety.checkin;

/**
 * The check-in's scheduled housekeeping, which operations and tests can also run now
 * instead of waiting for its schedule: the hourly scrub of the physical traces of when an
 * anonymous row was written, and the daily deletion of idle accounts.
 */
public interface CheckinHousekeeping {

	/** Rewrites the recent anonymous rows in random order; returns how many. */
	int scrub();

	/**
	 * Deletes accounts idle for {@code cpr.checkin.idle-months}, with everything in them;
	 * returns how many.
	 */
	int purgeIdle();

}
