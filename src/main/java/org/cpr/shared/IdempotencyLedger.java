package org.cpr.shared;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a submission is made idempotent (I-28, Idempotency-Key draft-07): claim a
 * key, replay the original outcome for a retry with the same payload, refuse the same key
 * with another payload (422), refuse a retry while the first is still in flight (409),
 * and purge expired keys.
 *
 * <p>
 * Each module owns its ledger table
 * ({@code key_hash VARCHAR(64) PRIMARY KEY, payload_hash VARCHAR(64),
 * created_on DATE}, with {@code receipt VARCHAR(64)} where a replay returns a stored
 * receipt, plus {@code state VARCHAR(16)} and {@code claimed_at TIMESTAMP} for a
 * {@linkplain #committedFirst committed-first} ledger) and hands in the hashes: anonymous
 * channels pass {@link KeyedHash} fingerprints bound to the client's key, so the ledger
 * holds no response or report id, no person and no time finer than a day once a claim is
 * done; it never becomes a linkage table.
 *
 * <p>
 * Two ways to claim:
 * <ul>
 * <li>{@link #inCallersTransaction}: the claim and the work commit together; a crash
 * rolls both back, so there is never a stuck claim. A concurrent twin of the same key is
 * refused as in flight.</li>
 * <li>{@link #committedFirst}: the claim commits on its own before the work (so a twin
 * sees it at once); the work then {@link #complete completes} or {@link #release
 * releases} it. A claim left in flight by a crash is reclaimable once older than
 * {@code inFlightTimeout}; its instant is cleared when the claim completes.</li>
 * </ul>
 */
public final class IdempotencyLedger {

	/** What a claim found. */
	public enum Outcome {

		/**
		 * The key is new (or a stale claim was taken over): do the work, then
		 * {@link #complete}.
		 */
		CLAIMED,
		/**
		 * The same key and payload already completed: return {@link Claim#receipt()}, do
		 * nothing.
		 */
		REPLAYED,
		/**
		 * The caller's guard refused the claim (e.g. the person already completed the
		 * wave).
		 */
		REFUSED

	}

	/** The outcome of a claim; {@code receipt} is set for {@link Outcome#REPLAYED}. */
	public record Claim(Outcome outcome, String receipt) {

		public boolean claimed() {
			return outcome == Outcome.CLAIMED;
		}
	}

	/** The same key arrived with another payload (422). */
	public static final class KeyReused extends RuntimeException {

		KeyReused() {
			super("idempotency key reused with another payload");
		}

	}

	/**
	 * The first request with this key has not finished yet (409); the client retries
	 * later.
	 */
	public static final class StillInFlight extends RuntimeException {

		StillInFlight() {
			super("idempotency key still in flight");
		}

	}

	/**
	 * A condition that must hold for a claim: {@code NOT EXISTS (sql)} with its
	 * parameters.
	 */
	public record Guard(String notExistsSql, Object... params) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String table;

	private final Duration inFlightTimeout;

	private final boolean receipts;

	private IdempotencyLedger(JdbcClient jdbc, Clock clock, String table, Duration inFlightTimeout, boolean receipts) {
		if (!table.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		this.jdbc = Objects.requireNonNull(jdbc);
		this.clock = Objects.requireNonNull(clock);
		this.table = table;
		this.inFlightTimeout = inFlightTimeout;
		this.receipts = receipts;
	}

	/**
	 * A ledger whose claims commit (or roll back) with the caller's transaction; the
	 * caller rebuilds a replay's receipt.
	 */
	public static IdempotencyLedger inCallersTransaction(JdbcClient jdbc, Clock clock, String table) {
		return new IdempotencyLedger(jdbc, clock, table, null, false);
	}

	/**
	 * The same, for a table with a {@code receipt} column that {@link #complete} fills
	 * and a replay returns.
	 */
	public static IdempotencyLedger inCallersTransactionWithReceipts(JdbcClient jdbc, Clock clock, String table) {
		return new IdempotencyLedger(jdbc, clock, table, null, true);
	}

	/**
	 * A ledger whose claims commit before the work; stuck claims become reclaimable after
	 * {@code inFlightTimeout}.
	 */
	public static IdempotencyLedger committedFirst(JdbcClient jdbc, Clock clock, String table,
			Duration inFlightTimeout) {
		if (inFlightTimeout == null || inFlightTimeout.isNegative() || inFlightTimeout.isZero()) {
			throw new IllegalArgumentException("an in-flight timeout must be positive");
		}
		return new IdempotencyLedger(jdbc, clock, table, inFlightTimeout, true);
	}

	public Claim claim(String keyHash, String payloadHash) {
		return claim(keyHash, payloadHash, null);
	}

	/**
	 * Claims {@code keyHash} for {@code payloadHash}, in one statement with {@code guard}
	 * when given.
	 * @throws KeyReused when the key completed (or is in flight) with another payload
	 * @throws StillInFlight when the key is claimed by a request that has not finished
	 */
	public Claim claim(String keyHash, String payloadHash, Guard guard) {
		LocalDate today = LocalDate.now(clock);
		List<Object> params = new ArrayList<>(List.of(keyHash, payloadHash, Date.valueOf(today)));
		String sql;
		if (committedFirst()) {
			sql = "INSERT INTO " + table + " (key_hash, payload_hash, created_on, state, claimed_at)"
					+ " SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS DATE), 'IN_FLIGHT',"
					+ " CAST(? AS TIMESTAMP WITH TIME ZONE)";
			params.add(Timestamp.from(clock.instant()));
		}
		else {
			sql = "INSERT INTO " + table + " (key_hash, payload_hash, created_on)"
					+ " SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS DATE)";
		}
		if (guard != null) {
			sql += " WHERE NOT EXISTS (" + guard.notExistsSql() + ")";
			params.addAll(List.of(guard.params()));
		}
		Optional<Claim> earlier = earlier(keyHash, payloadHash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		int inserted;
		try {
			inserted = jdbc.sql(sql).params(params).update();
		}
		catch (DuplicateKeyException twin) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				// The failed statement may have spoiled the caller's transaction: the
				// client retries and then replays.
				throw new StillInFlight();
			}
			return earlier(keyHash, payloadHash).orElseThrow(StillInFlight::new);
		}
		return new Claim(inserted == 1 ? Outcome.CLAIMED : Outcome.REFUSED, null);
	}

	/**
	 * What an existing row of {@code keyHash} means for this payload; empty when there is
	 * none.
	 */
	private Optional<Claim> earlier(String keyHash, String payloadHash) {
		String columns = committedFirst() ? "payload_hash, receipt, state, claimed_at"
				: receipts ? "payload_hash, receipt" : "payload_hash";
		return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE key_hash = ?")
			.param(keyHash)
			.query((rs, n) -> {
				boolean inFlight = committedFirst() && !"DONE".equals(rs.getString(3));
				if (inFlight && stale(rs.getTimestamp(4))) {
					return reclaim(keyHash, payloadHash, rs.getTimestamp(4));
				}
				if (inFlight) {
					// Nothing is stored for an unfinished claim yet, so its payload
					// decides nothing: wait (409).
					throw new StillInFlight();
				}
				if (!payloadHash.equals(rs.getString(1))) {
					throw new KeyReused();
				}
				return new Claim(Outcome.REPLAYED, receipts ? rs.getString(2) : null);
			})
			.optional();
	}

	private boolean stale(Timestamp claimedAt) {
		return claimedAt == null || claimedAt.toInstant().plus(inFlightTimeout).isBefore(clock.instant());
	}

	/**
	 * Takes over a claim whose request died in flight (nothing was stored for it: the
	 * work commits with {@link #complete}). The update matches the stale instant, so of
	 * two retries only one takes it over.
	 */
	private Claim reclaim(String keyHash, String payloadHash, Timestamp staleAt) {
		int taken = jdbc
			.sql("UPDATE " + table + " SET payload_hash = ?, claimed_at = ?, created_on = ?"
					+ " WHERE key_hash = ? AND state = 'IN_FLIGHT' AND claimed_at = ?")
			.params(payloadHash, Timestamp.from(clock.instant()), Date.valueOf(LocalDate.now(clock)), keyHash, staleAt)
			.update();
		if (taken != 1) {
			throw new StillInFlight();
		}
		return new Claim(Outcome.CLAIMED, null);
	}

	/**
	 * Marks the claim done, in the work's transaction, with the receipt a retry replays.
	 * A claim in the caller's transaction is done when that commits; without a receipt
	 * column there is nothing to write.
	 */
	public void complete(String keyHash, String receipt) {
		if (committedFirst()) {
			jdbc.sql("UPDATE " + table + " SET receipt = ?, state = 'DONE', claimed_at = NULL WHERE key_hash = ?")
				.params(receipt, keyHash)
				.update();
		}
		else if (receipts) {
			jdbc.sql("UPDATE " + table + " SET receipt = ? WHERE key_hash = ?").params(receipt, keyHash).update();
		}
	}

	/**
	 * Gives a committed-first claim up after its work failed, so the client may retry at
	 * once.
	 */
	public void release(String keyHash) {
		jdbc.sql("DELETE FROM " + table + " WHERE key_hash = ?").param(keyHash).update();
	}

	/**
	 * Deletes keys created before {@code before} (their retries then count as new
	 * submissions, which the published expiry allows) and claims stuck in flight longer
	 * than the timeout; returns how many.
	 */
	public int purge(LocalDate before) {
		if (!committedFirst()) {
			return jdbc.sql("DELETE FROM " + table + " WHERE created_on < ?").param(Date.valueOf(before)).update();
		}
		return jdbc
			.sql("DELETE FROM " + table + " WHERE (state = 'DONE' AND created_on < ?)"
					+ " OR (state = 'IN_FLIGHT' AND claimed_at < ?)")
			.params(Date.valueOf(before), Timestamp.from(clock.instant().minus(inFlightTimeout)))
			.update();
	}

	private boolean committedFirst() {
		return inFlightTimeout != null;
	}

}
