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
		if (e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException
				|| e instanceof TransientDataAccessException) {
			return true;
		}
		if (e instanceof TransactionSystemException) {
			// a commit or rollback that failed: only a lost connection makes it transient
			for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
				if (t instanceof SQLException sql && sql.getSQLState() != null
						&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
					return true;
				}
			}
		}
		return false;
	}

}
