package org.cpr.evaluation;

import org.cpr.support.PostgresTest;

/**
 * The research export on PostgreSQL: the cursor inside a read-only transaction, consent
 * and protocol SQL.
 */
@PostgresTest
class ResearchExportPostgresIT extends ResearchWebTests {

}
