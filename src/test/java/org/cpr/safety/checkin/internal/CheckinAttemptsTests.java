package org.cpr.safety.checkin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check-in passphrase limiter is shared by every node: two limiter instances (two
 * nodes) on one database give a handle five attempts in all, not five each; the table
 * holds neither the handle nor the account's handle hash, and forgets old windows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CheckinAttemptsTests {

	static final Duration WINDOW = CheckinAccess.HANDLE_WINDOW;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	CheckinAccess access;

	/** A clock of this test's own, a few seconds into a window. */
	Instant start = Instant
		.ofEpochMilli((Instant.parse("2031-03-03T10:00:00Z").toEpochMilli() / WINDOW.toMillis()) * WINDOW.toMillis())
		.plusSeconds(5);

	CheckinAttempts node(Instant at) {
		return new CheckinAttempts(jdbc, transactions, Clock.fixed(at, ZoneOffset.UTC),
				CheckinAccess.ATTEMPTS_PER_HANDLE, WINDOW);
	}

	@Test
	void twoNodesShareOneCountPerHandle() {
		String key = access.throttleKey("handle-" + UUID.randomUUID());
		CheckinAttempts a = node(start);
		CheckinAttempts b = node(start.plusSeconds(1));
		assertThat(a.tryAttempt(key)).isTrue();
		assertThat(b.tryAttempt(key)).isTrue();
		assertThat(a.tryAttempt(key)).isTrue();
		assertThat(b.tryAttempt(key)).isTrue();
		assertThat(a.tryAttempt(key)).as("fifth attempt, across both nodes").isTrue();
		assertThat(b.tryAttempt(key)).as("sixth attempt, on the other node").isFalse();
		assertThat(a.tryAttempt(key)).isFalse();
		assertThat(a.tryAttempt(access.throttleKey("another-" + UUID.randomUUID())))
			.as("another handle is not affected")
			.isTrue();
	}

	@Test
	void theLimitSlidesIntoTheNextWindowAndThenResets() {
		String key = access.throttleKey("handle-" + UUID.randomUUID());
		for (int i = 0; i < CheckinAccess.ATTEMPTS_PER_HANDLE; i++) {
			assertThat(node(start).tryAttempt(key)).isTrue();
		}
		assertThat(node(start.plus(WINDOW).plusSeconds(1)).tryAttempt(key))
			.as("just after the window turns, the previous window still counts")
			.isFalse();
		assertThat(node(start.plus(WINDOW.multipliedBy(3))).tryAttempt(key)).as("two windows later").isTrue();
	}

	@Test
	void theTableHoldsOnlyAKeyedHashOfItsOwnAndTheWindowAndForgetsOldWindows() {
		String handle = "handle-" + UUID.randomUUID();
		String key = access.throttleKey(handle);
		Instant later = start.plus(WINDOW.multipliedBy(10));
		node(later).tryAttempt(key);
		assertThat(key).isNotEqualTo(access.handleHash(handle)).doesNotContain(handle).hasSize(64);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_attempt WHERE handle_key = ? OR handle_key = ?")
			.params(handle, access.handleHash(handle))
			.query(Long.class)
			.single()).isZero();
		Instant windowStart = jdbc.sql("SELECT window_start FROM checkin_attempt WHERE handle_key = ?")
			.param(key)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(windowStart.toEpochMilli() % WINDOW.toMillis()).as("only the window, not the attempt's time")
			.isZero();
		node(later.plus(WINDOW.multipliedBy(2))).tryAttempt(access.throttleKey("other-" + UUID.randomUUID()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkin_attempt WHERE handle_key = ?")
			.param(key)
			.query(Long.class)
			.single()).as("pruned two windows later").isZero();
	}

	@Test
	void aRefusedAttemptStaysCountedWhenTheCallersTransactionRollsBack() {
		String key = access.throttleKey("handle-" + UUID.randomUUID());
		TransactionTemplate tx = new TransactionTemplate(transactions);
		for (int i = 0; i < CheckinAccess.ATTEMPTS_PER_HANDLE; i++) {
			tx.executeWithoutResult(s -> {
				node(start).tryAttempt(key);
				s.setRollbackOnly();
			});
		}
		assertThat(node(start).tryAttempt(key)).isFalse();
	}

}
