package org.cpr.needs;

import org.cpr.support.OwnPostgresDatabase;
import org.cpr.support.PostgresTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The needs flow of {@link NeedsFlowTests} on the real PostgreSQL (Flyway's V17
 * migration, the grouped heat-map SQL, the survey pool and the JDBC disclosure ledger);
 * skipped with a notice without {@code CPR_TEST_DB_URL}. It imports blocks at fixed clock
 * dates and reads the demo's heat map, so it runs on a database of its own, not the one
 * the other integration tests share.
 */
@PostgresTest
@ContextConfiguration(initializers = NeedsPostgresIT.OwnDatabase.class)
class NeedsPostgresIT extends NeedsFlowTests {

	static class OwnDatabase extends OwnPostgresDatabase {

		@Override
		protected String suffix() {
			return "needs";
		}

	}

}
