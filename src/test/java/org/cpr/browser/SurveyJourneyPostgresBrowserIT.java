package org.cpr.browser;

import org.cpr.support.PostgresTest;

/**
 * The same survey journey against PostgreSQL (skipped with a notice without
 * CPR_TEST_DB_URL).
 */
@PostgresTest
class SurveyJourneyPostgresBrowserIT extends SurveyJourneyBrowserIT {

}
