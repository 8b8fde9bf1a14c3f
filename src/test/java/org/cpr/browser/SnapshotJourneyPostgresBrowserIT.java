package org.cpr.browser;

import org.cpr.support.PostgresTest;

/** The Snapshot journey on PostgreSQL (skipped without {@code CPR_TEST_DB_URL}). */
@PostgresTest
class SnapshotJourneyPostgresBrowserIT extends SnapshotJourneyScenario {

}
