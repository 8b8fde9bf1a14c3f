package org.cpr.browser;

import org.cpr.support.PostgresTest;

/**
 * The same course journey against PostgreSQL (skipped with a notice without
 * CPR_TEST_DB_URL).
 */
@PostgresTest
class CourseJourneyPostgresBrowserIT extends CourseJourneyBrowserIT {

}
