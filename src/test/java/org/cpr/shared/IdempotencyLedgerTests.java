package org.cpr.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.cpr.shared.IdempotencyLedger.Outcome;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one idempotency ledger: claim, replay, other payload, in flight, crash take-over,
 * purge.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class IdempotencyLedgerTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PlatformTransactionManager txm;

	IdempotencyLedger committedFirst;

	IdempotencyLedger inTransaction;

	String key;

	@BeforeEach
	void ledgers() {
		jdbc.sql(
				"""
						CREATE TABLE IF NOT EXISTS test_idempotency (key_hash VARCHAR(64) PRIMARY KEY, payload_hash VARCHAR(64) NOT NULL,
						  receipt VARCHAR(64), created_on DATE NOT NULL, state VARCHAR(16), claimed_at TIMESTAMP WITH TIME ZONE)""")
			.update();
		committedFirst = IdempotencyLedger.committedFirst(jdbc, clock, "test_idempotency", Duration.ofMinutes(5));
		inTransaction = IdempotencyLedger.inCallersTransaction(jdbc, clock, "test_idempotency");
		key = UUID.randomUUID().toString().substring(0, 32);
	}

	@Test
	void aCompletedKeyReplaysItsReceiptAndRefusesAnotherPayload() {
		assertThat(committedFirst.claim(key, "answers-a").outcome()).isEqualTo(Outcome.CLAIMED);
		assertThatThrownBy(() -> committedFirst.claim(key, "answers-a"))
			.isInstanceOf(IdempotencyLedger.StillInFlight.class);
		committedFirst.complete(key, "R-1");
		assertThat(committedFirst.claim(key, "answers-a"))
			.isEqualTo(new IdempotencyLedger.Claim(Outcome.REPLAYED, "R-1"));
		assertThatThrownBy(() -> committedFirst.claim(key, "answers-b"))
			.isInstanceOf(IdempotencyLedger.KeyReused.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM test_idempotency WHERE key_hash = ? AND claimed_at IS NULL")
			.param(key)
			.query(Integer.class)
			.single()).as("a done claim keeps no time finer than its day").isEqualTo(1);
	}

	@Test
	void aClaimACrashLeftInFlightIsReclaimableOnlyAfterTheTimeout() {
		committedFirst.claim(key, "answers-a"); // ...and the process dies before complete
												// or release
		clock.advance(Duration.ofMinutes(4));
		assertThatThrownBy(() -> committedFirst.claim(key, "answers-a"))
			.isInstanceOf(IdempotencyLedger.StillInFlight.class);
		clock.advance(Duration.ofMinutes(2));
		assertThat(committedFirst.claim(key, "answers-a").outcome()).isEqualTo(Outcome.CLAIMED);
		assertThatThrownBy(() -> committedFirst.claim(key, "answers-a")).as("the take-over is itself in flight")
			.isInstanceOf(IdempotencyLedger.StillInFlight.class);
	}

	@Test
	void purgeForgetsOldKeysAndStuckClaimsButNotFreshOnes() {
		String old = key + "-o";
		String stuck = key + "-s";
		String fresh = key + "-f";
		committedFirst.claim(old, "p");
		committedFirst.complete(old, "R");
		committedFirst.claim(stuck, "p");
		clock.advance(Duration.ofDays(31));
		committedFirst.claim(fresh, "p");
		committedFirst.complete(fresh, "R");
		assertThat(committedFirst.purge(LocalDate.now(clock).minusDays(30))).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("SELECT key_hash FROM test_idempotency WHERE key_hash LIKE ?")
			.param(key + "%")
			.query(String.class)
			.list()).containsExactly(fresh);
	}

	@Test
	void aGuardRefusesTheClaimWithoutAStoredRow() {
		IdempotencyLedger.Claim claim = committedFirst.claim(key, "p",
				new IdempotencyLedger.Guard("SELECT 1 FROM test_idempotency WHERE payload_hash = ?", "p-already"));
		assertThat(claim.outcome()).isEqualTo(Outcome.CLAIMED);
		String other = key + "-g";
		assertThat(committedFirst
			.claim(other, "p-2", new IdempotencyLedger.Guard("SELECT 1 FROM test_idempotency WHERE key_hash = ?", key))
			.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM test_idempotency WHERE key_hash = ?")
			.param(other)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aClaimInTheCallersTransactionRollsBackWithIt() {
		TransactionTemplate tx = new TransactionTemplate(txm);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			assertThat(inTransaction.claim(key, "p").claimed()).isTrue();
			throw new IllegalStateException("the work failed");
		})).isInstanceOf(IllegalStateException.class);
		tx.executeWithoutResult(s -> {
			assertThat(inTransaction.claim(key, "p").claimed()).as("nothing stuck after a rollback").isTrue();
			inTransaction.complete(key, null);
		});
		Outcome retried = tx.execute(s -> inTransaction.claim(key, "p").outcome());
		assertThat(retried).isEqualTo(Outcome.REPLAYED);
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> inTransaction.claim(key, "other")))
			.isInstanceOf(IdempotencyLedger.KeyReused.class);
	}

}
