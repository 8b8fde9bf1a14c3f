package org.cpr.needs;

import org.cpr.support.PostgresTest;

/**
 * The needs flow of {@link NeedsFlowTests} on the real PostgreSQL (Flyway's V17 migration, the grouped
 * heat-map SQL, the survey pool and the JDBC disclosure ledger); skipped with a notice without
 * {@code CPR_TEST_DB_URL}. Needs a fresh database: the flow imports blocks at fixed clock dates.
 */
@PostgresTest
class NeedsPostgresIT extends NeedsFlowTests {
}
