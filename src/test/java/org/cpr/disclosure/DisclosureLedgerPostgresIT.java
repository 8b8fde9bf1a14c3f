package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * The same ledger and gate checks on PostgreSQL (BYTEA, ON CONFLICT DO NOTHING), and the
 * round lock nodes share.
 */
@PostgresTest
@org.springframework.test.context.ContextConfiguration(initializers = DisclosureLedgerPostgresIT.OwnDatabase.class)
class DisclosureLedgerPostgresIT extends DisclosureModuleTests {

	/**
	 * A database of its own: in the shared one, other cached test contexts' scheduled
	 * jobs append to the audit chain at the same time (see the closing note of session 5:
	 * a duplicate audit sequence was seen).
	 */
	static class OwnDatabase extends org.cpr.support.OwnPostgresDatabase {

		@Override
		protected String suffix() {
			return "disclosure";
		}

	}

	/**
	 * Two nodes share one database: each has its own in-JVM lock, so only the ledger's
	 * round lock keeps a second node from reading the releases while the first is still
	 * deciding (and would otherwise release a complement of the same round). Called on
	 * the ledger directly, as a second node's gate would, bypassing this JVM's lock.
	 */
	@Test
	void aSecondNodeDecidingAboutTheSameRoundWaitsForTheFirst() throws Exception {
		CountDownLatch firstHolds = new CountDownLatch(1);
		CountDownLatch firstMayFinish = new CountDownLatch(1);
		AtomicBoolean secondDecided = new AtomicBoolean();
		AtomicBoolean otherRoundDecided = new AtomicBoolean();
		ExecutorService nodes = Executors.newFixedThreadPool(3);
		try {
			Future<?> first = nodes.submit(() -> ledger.exclusively(round, () -> {
				firstHolds.countDown();
				awaitQuietly(firstMayFinish);
				return null;
			}));
			assertThat(firstHolds.await(20, TimeUnit.SECONDS)).isTrue();
			Future<?> second = nodes.submit(() -> ledger.exclusively(round, () -> secondDecided.getAndSet(true)));
			Future<?> other = nodes.submit(
					() -> ledger.exclusively("round-" + UUID.randomUUID(), () -> otherRoundDecided.getAndSet(true)));

			other.get(20, TimeUnit.SECONDS);
			assertThat(otherRoundDecided).as("another round does not wait").isTrue();
			// the same round waits while the first decision is open: still undecided a
			// second on
			await("the same round waits while the first decision is open").during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(2))
				.until(() -> !secondDecided.get());

			firstMayFinish.countDown();
			first.get(20, TimeUnit.SECONDS);
			second.get(20, TimeUnit.SECONDS);
			assertThat(secondDecided).as("and decides once the first has committed").isTrue();
		}
		finally {
			firstMayFinish.countDown();
			nodes.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
