package org.cpr.safety.checkin.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sign-in attempts per check-in handle in the database, so every node sees the
 * same count (a per-node counter gave an attacker a fresh set of guesses on each node).
 * <p>
 * A row holds the number of attempts at one handle key in one fixed window
 * ({@code window}); the limit applies to a sliding estimate: this window's attempts plus
 * the previous window's, weighted by how much of the previous window still lies within
 * the last {@code window}. The handle key is a keyed hash the caller computes (never the
 * handle), and the stored time is the window's start, never an attempt's. Rows older than
 * the previous window (or, after a clock change, more than one window ahead: nodes'
 * clocks may differ a little at a window's turn) are deleted at every attempt, so the
 * table holds at most three windows.
 * <p>
 * The counting runs outside the caller's transaction (each statement commits at once): a
 * refused attempt's count survives the caller's rollback, and no row lock is held while
 * the caller hashes a passphrase.
 */
class CheckinAttempts {

	private final JdbcClient jdbc;

	private final TransactionTemplate outside;

	private final Clock clock;

	private final int limit;

	private final Duration window;

	CheckinAttempts(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, int limit, Duration window) {
		this.jdbc = jdbc;
		this.outside = new TransactionTemplate(transactions);
		this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.clock = clock;
		this.limit = limit;
		this.window = window;
	}

	/**
	 * Counts one attempt for {@code handleKey}; false when the handle has used up its
	 * attempts (the refused attempt is counted too).
	 */
	boolean tryAttempt(String handleKey) {
		Boolean allowed = outside.execute(s -> count(handleKey));
		return Boolean.TRUE.equals(allowed);
	}

	private boolean count(String handleKey) {
		Instant now = clock.instant();
		long size = window.toMillis();
		long startMillis = Math.floorDiv(now.toEpochMilli(), size) * size;
		Timestamp current = new Timestamp(startMillis);
		Timestamp previous = new Timestamp(startMillis - size);
		jdbc.sql("DELETE FROM checkin_attempt WHERE window_start < ? OR window_start > ?")
			.params(previous, new Timestamp(startMillis + size))
			.update();
		increment(handleKey, current);
		int inCurrent = attempts(handleKey, current);
		int inPrevious = attempts(handleKey, previous);
		double elapsed = (double) (now.toEpochMilli() - startMillis) / size;
		return inCurrent + inPrevious * (1.0 - elapsed) <= limit;
	}

	private void increment(String handleKey, Timestamp windowStart) {
		if (bump(handleKey, windowStart) > 0) {
			return;
		}
		try {
			jdbc.sql("INSERT INTO checkin_attempt (handle_key, window_start, attempts) VALUES (?, ?, 1)")
				.params(handleKey, windowStart)
				.update();
		}
		catch (DuplicateKeyException anotherNodeInsertedFirst) {
			bump(handleKey, windowStart);
		}
	}

	private int bump(String handleKey, Timestamp windowStart) {
		return jdbc.sql("UPDATE checkin_attempt SET attempts = attempts + 1 WHERE handle_key = ? AND window_start = ?")
			.params(handleKey, windowStart)
			.update();
	}

	private int attempts(String handleKey, Timestamp windowStart) {
		return jdbc.sql("SELECT attempts FROM checkin_attempt WHERE handle_key = ? AND window_start = ?")
			.params(handleKey, windowStart)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

}
