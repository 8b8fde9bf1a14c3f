package org.cpr.disclosure.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.LedgerEntry;
import org.cpr.disclosure.PolicyWeakeningRejected;
import org.cpr.disclosure.ReleaseLedger;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in the database (tables {@code disclosure_release} and
 * {@code disclosure_round_policy}): read per round across every principal, recorded with
 * the principal who was shown the set.
 */
@Repository
@Transactional
class JdbcReleaseLedger implements ReleaseLedger {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate own;

	JdbcReleaseLedger(JdbcTemplate jdbc, Clock clock, org.springframework.transaction.PlatformTransactionManager txm) {
		this.jdbc = jdbc;
		this.clock = clock;
		// Joins the caller's transaction when there is one (a second connection per
		// report view
		// could starve the pool under load); otherwise a transaction of its own.
		this.own = new org.springframework.transaction.support.TransactionTemplate(txm);
		this.writable = new org.springframework.transaction.support.TransactionTemplate(txm);
		this.writable
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * For a caller inside a read-only transaction (a report page's reads): the gate still
	 * fixes the round's policy and records what it released, which PostgreSQL refuses in
	 * a read-only transaction ("cannot execute INSERT"; H2 does not check). Such writes
	 * run in a transaction of their own.
	 */
	private final org.springframework.transaction.support.TransactionTemplate writable;

	private static boolean inReadOnlyTransaction() {
		return org.springframework.transaction.support.TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/**
	 * In a transaction holding a PostgreSQL advisory lock for the round (released when
	 * that transaction ends) from before the decision reads the releases until its new
	 * releases are recorded, so a decision about the same round on any node sharing the
	 * database waits for this one. An embedded H2 database serves a single node, where
	 * the gate's own lock serializes.
	 */
	@Override
	public <T> T exclusively(String roundId, java.util.function.Supplier<T> decision) {
		return (inReadOnlyTransaction() ? writable : own).execute(status -> {
			if (postgres()) {
				jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> {
				}, roundKey(roundId));
			}
			return decision.get();
		});
	}

	private volatile Boolean postgres;

	private boolean postgres() {
		if (postgres == null) {
			postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres")));
		}
		return postgres;
	}

	/** A 64-bit advisory-lock key for the round, in a namespace of its own. */
	static long roundKey(String roundId) {
		byte[] digest = org.cpr.shared.Digests
			.sha256(("cpr-disclosure-round:" + roundId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return java.nio.ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
	}

	@Override
	@Transactional(readOnly = true)
	public List<LedgerEntry> releases(String roundId) {
		// Rows recorded per viewer before the ledger was shared (V5_1) all count: the
		// conservative merge.
		java.util.Set<String> seen = new java.util.HashSet<>();
		List<LedgerEntry> entries = new java.util.ArrayList<>();
		jdbc.query("SELECT channel, units, digest FROM disclosure_release WHERE round_id = ? ORDER BY released_at, id",
				rs -> {
					if (seen.add(rs.getString(3))) {
						entries.add(new LedgerEntry(rs.getString(1), LedgerCodec.decode(rs.getBytes(2))));
					}
				}, roundId);
		return entries;
	}

	/**
	 * One batched statement for the whole decision (a heat map releases hundreds of
	 * cells; one round trip each was most of its cost). Runs in the transaction of
	 * {@link #exclusively}, so the round's advisory lock is still held.
	 */
	@Override
	public void record(PersonId principal, String roundId, List<LedgerEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		if (inReadOnlyTransaction()) {
			writable.executeWithoutResult(status -> record(principal, roundId, entries));
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		java.util.Map<String, Object[]> rows = new java.util.LinkedHashMap<>();
		for (LedgerEntry entry : entries) {
			byte[] units = LedgerCodec.encode(entry);
			String digest = LedgerCodec.digest(entry.channel(), units);
			rows.putIfAbsent(digest, new Object[] { UUID.randomUUID(), principal.value(), roundId, entry.channel(),
					digest, units, now });
		}
		jdbc.batchUpdate(
				"INSERT INTO disclosure_release (id, principal_id, round_id, channel, digest, units, released_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
				new java.util.ArrayList<>(rows.values()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<DisclosurePolicy> policy(String roundId) {
		return jdbc
			.query("SELECT min_respondents, min_comments, min_positive_count FROM disclosure_round_policy "
					+ "WHERE round_id = ?", (rs, row) -> new DisclosurePolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3)),
					roundId)
			.stream()
			.findFirst();
	}

	@Override
	public DisclosurePolicy fixPolicy(String roundId, DisclosurePolicy wanted) {
		if (inReadOnlyTransaction()) {
			return writable.execute(status -> fixPolicy(roundId, wanted));
		}
		Optional<DisclosurePolicy> fixed = policy(roundId);
		if (fixed.isEmpty()) {
			int inserted = jdbc.update(
					"INSERT INTO disclosure_round_policy (round_id, min_respondents, min_comments, "
							+ "min_positive_count, fixed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
					roundId, wanted.minRespondents(), wanted.minComments(), wanted.minPositiveCount(),
					Timestamp.from(clock.instant()));
			if (inserted == 1) {
				return wanted;
			}
			fixed = policy(roundId); // another request fixed it first
		}
		if (!wanted.isAtLeastAsStrictAs(fixed.get())) {
			throw new PolicyWeakeningRejected("the round's disclosure policy was fixed at launch");
		}
		if (!wanted.equals(fixed.get())) {
			jdbc.update(
					"UPDATE disclosure_round_policy SET min_respondents = ?, min_comments = ?, "
							+ "min_positive_count = ? WHERE round_id = ?",
					wanted.minRespondents(), wanted.minComments(), wanted.minPositiveCount(), roundId);
		}
		return wanted;
	}

}
