package org.cpr.platform;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database was briefly out of reach (a restart, a fail-over,
 * a dropped connection, a deadlock victim) rather than a defect: such a request is
 * answered 503 with {@code Retry-After}, so the proxy and the client try again. Every
 * write that matters is idempotent (the submission ledgers), so a retry after a commit
 * whose outcome was lost cannot store anything twice.
 */
final class DatabaseUnavailable {

	/** Seconds a client is asked to wait before it tries again. */
	static final String RETRY_AFTER_SECONDS = "5";

	private DatabaseUnavailable() {
	}

	static boolean is(Throwable e) {
		// the cause chain: a failure outside the controllers (the session store's save
		// in a filter, a rollback that failed) reaches the error page wrapped
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof TransientDataAccessException) {
				return true;
			}
			if (t instanceof TransactionSystemException ts && ts.getApplicationException() != null
					&& is(ts.getApplicationException())) {
				return true;
			}
			if (t instanceof SQLException sql && lostConnection(sql)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A connection-class SQLState (08: connection exception, 57P: PostgreSQL's operator
	 * intervention, e.g. "terminating connection due to administrator command"), or
	 * HikariCP's stand-in for a connection it already closed, which has no SQLState: a
	 * transaction whose commit failed that way is rolled back over the closed connection,
	 * and that rollback's failure replaces the first one.
	 */
	private static boolean lostConnection(SQLException sql) {
		String state = sql.getSQLState();
		if (state != null) {
			return state.startsWith("08") || state.startsWith("57P");
		}
		return "Connection is closed".equals(sql.getMessage());
	}

}
