package org.cpr.needs;

import java.util.Set;
import java.util.UUID;

/**
 * The end-of-rotation stressor wave: a daily job sends it to the people whose block ended
 * in the last days and who were not asked yet, one anonymous campaign per program (or
 * department) and run. Operations, the demo and tests that must not wait for the job call
 * {@link #sendDue()}.
 */
public interface NeedsWaveSender {

	/**
	 * Sends the wave if one is due today; returns how many people were put on its roster.
	 */
	int sendDue();

	/** For tests and the demo: the campaign ids this module sent. */
	Set<UUID> sentCampaigns();

}
