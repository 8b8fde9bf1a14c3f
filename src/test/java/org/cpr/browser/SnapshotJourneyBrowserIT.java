package org.cpr.browser;

/** The Snapshot journey on the default in-memory H2 database. */
class SnapshotJourneyBrowserIT extends SnapshotJourneyScenario {

}
