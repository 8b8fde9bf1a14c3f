package org.cpr.audit.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.Digests;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends audit rows in the caller's transaction, so an action and its audit record
 * commit or roll back together. Appends are serialized by locking a single lock row first
 * and only then reading the chain head (a fresh statement, so it sees the previous append
 * once it committed), which keeps the chain linear across threads and application nodes.
 * The lock lasts until the transaction ends, so appending outside a transaction is
 * refused ({@link #lockChain}); callers run at READ COMMITTED (the default), where the
 * head read after the lock sees every earlier append (AuditChainNodesIT: several nodes,
 * one chain).
 * <p>
 * Each row's hash is an HMAC-SHA256 (chain version 2) with a key kept outside the
 * database ({@link AuditKeys}), so someone who can write the table cannot rebuild a valid
 * chain. Rows written before the key existed carry the unkeyed SHA-256 (version 1) and
 * are anchored by the first keyed row.
 * <p>
 * Entries about an anonymous channel ({@link #recordAnonymousChannel}) are not chained at
 * once: they wait, with the day only, in {@code audit_pending} until
 * {@link AnonymousAuditFlush} appends a whole batch in random order, so neither their
 * time nor their place in the chain sits next to an identified entry's exact time.
 */
@Component
class HashChainedAuditLog implements AuditPort {

	static final String GENESIS = "0".repeat(64);
	static final int LEGACY = 1;
	static final int KEYED = 2;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditKeys keys;

	HashChainedAuditLog(JdbcClient jdbc, Clock clock, AuditKeys keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEntry e) {
		lockChain();
		append(e, clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAnonymousChannel(AuditEntry e) {
		jdbc.sql("""
				INSERT INTO audit_pending (id, occurred_on, actor_id, action, record_type, record_id, subject_id,
				                           purpose, outcome, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), Date.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
					uuid(e.actor()), e.action(), e.recordType(), e.recordId(), uuid(e.subject()), e.purpose(),
					e.outcome().name(), e.detail())
			.update();
	}

	/**
	 * Takes the chain lock for the rest of the current transaction. Without a transaction
	 * the lock would be released at once and two nodes could append the same sequence
	 * number, so that is refused.
	 */
	void lockChain() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("audit chain appends need a transaction (the chain lock lasts as long)");
		}
		jdbc.sql("SELECT id FROM audit_chain_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
	}

	/** Appends one keyed row at the head; the caller holds the chain lock. */
	void append(AuditEntry e, Instant at) {
		var head = jdbc.sql("SELECT seq, hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long seq = head.map(h -> (Long) h[0] + 1).orElse(1L);
		String prev = head.map(h -> (String) h[1]).orElse(GENESIS);
		String hash = keyedHash(seq, at, e, prev);
		jdbc.sql("""
				INSERT INTO audit_log (seq, occurred_at, actor_id, action, record_type, record_id, subject_id,
				                       purpose, outcome, detail, prev_hash, hash, chain_version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, Timestamp.from(at), uuid(e.actor()), e.action(), e.recordType(), e.recordId(),
					uuid(e.subject()), e.purpose(), e.outcome().name(), e.detail(), prev, hash, KEYED)
			.update();
	}

	String keyedHash(long seq, Instant at, AuditEntry e, String prev) {
		return keys.chainMac("v2|" + canonical(seq, at, e, prev));
	}

	/** The original, unkeyed hash of chain version 1 (verification of old rows only). */
	static String legacyHash(long seq, Instant at, AuditEntry e, String prev) {
		return Digests.sha256Hex(canonical(seq, at, e, prev));
	}

	private static String canonical(long seq, Instant at, AuditEntry e, String prev) {
		return String.join("|", Long.toString(seq), at.toString(), str(e.actor()), e.action(), str(e.recordType()),
				str(e.recordId()), str(e.subject()), str(e.purpose()), e.outcome().name(), str(e.detail()), prev);
	}

	private static String str(Object o) {
		return Objects.toString(o, "");
	}

	private static UUID uuid(PersonId id) {
		return id == null ? null : id.value();
	}

}
