package org.cpr.disclosure;

import org.cpr.support.PostgresTest;

/** The same ledger and gate checks on PostgreSQL (BYTEA, ON CONFLICT DO NOTHING). */
@PostgresTest
class DisclosureLedgerPostgresIT extends DisclosureModuleTests {
}
