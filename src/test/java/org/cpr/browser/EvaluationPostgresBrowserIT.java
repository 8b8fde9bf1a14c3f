package org.cpr.browser;

import org.cpr.support.PostgresTest;

/**
 * The evaluation journey on PostgreSQL: the real migrations, the streaming and consent
 * SQL, the gate's ledger.
 */
@PostgresTest
class EvaluationPostgresBrowserIT extends EvaluationBrowserIT {

}
