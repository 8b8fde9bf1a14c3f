package org.cpr.audit.internal;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.cpr.audit.ChainVerification;
import org.cpr.audit.ChainVerification.Finding;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every row's hash in order and reports the first row whose content or link
 * was altered; then compares the table with the latest signed checkpoint (outside the
 * table), which reveals deleted newest rows and a rewritten chain. Rows of the unkeyed
 * legacy chain (version 1) are accepted only before the first keyed row, and the head
 * must be keyed: a chain rebuilt with plain SHA-256 does not verify.
 */
@Component
class AuditChainVerifier {

	private final JdbcClient jdbc;

	private final HashChainedAuditLog chain;

	private final AuditCheckpoints checkpoints;

	AuditChainVerifier(JdbcClient jdbc, HashChainedAuditLog chain, AuditCheckpoints checkpoints) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.checkpoints = checkpoints;
	}

	@Transactional(readOnly = true)
	public ChainVerification verify() {
		AtomicReference<String> previous = new AtomicReference<>(HashChainedAuditLog.GENESIS);
		AtomicLong expectedSeq = new AtomicLong(1);
		AtomicLong checked = new AtomicLong();
		AtomicReference<Long> broken = new AtomicReference<>();
		AtomicBoolean keyedSeen = new AtomicBoolean();
		AtomicReference<Integer> headVersion = new AtomicReference<>();
		jdbc.sql("""
				SELECT seq, occurred_at, actor_id, action, record_type, record_id, subject_id, purpose, outcome, detail,
				       prev_hash, hash, chain_version FROM audit_log ORDER BY seq""").query(rs -> {
			if (broken.get() != null) {
				return;
			}
			long seq = rs.getLong("seq");
			int version = rs.getInt("chain_version");
			checked.incrementAndGet();
			AuditEntry entry = new AuditEntry(person(rs.getObject("actor_id", UUID.class)), rs.getString("action"),
					rs.getString("record_type"), rs.getString("record_id"),
					person(rs.getObject("subject_id", UUID.class)), rs.getString("purpose"),
					AuditEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
			Timestamp at = rs.getTimestamp("occurred_at");
			String recomputed;
			if (version == HashChainedAuditLog.KEYED) {
				recomputed = chain.keyedHash(seq, at.toInstant(), entry, previous.get());
				keyedSeen.set(true);
			}
			else if (version == HashChainedAuditLog.LEGACY && !keyedSeen.get()) {
				recomputed = HashChainedAuditLog.legacyHash(seq, at.toInstant(), entry, previous.get());
			}
			else {
				recomputed = null; // a legacy row after a keyed one, or an unknown
									// version
			}
			if (recomputed == null || seq != expectedSeq.get() || !previous.get().equals(rs.getString("prev_hash"))
					|| !recomputed.equals(rs.getString("hash"))) {
				broken.set(seq);
				return;
			}
			previous.set(rs.getString("hash"));
			headVersion.set(version);
			expectedSeq.incrementAndGet();
		});
		long rows = checked.get();
		if (broken.get() != null) {
			return result(false, rows, broken.get(), Finding.ALTERED, null,
					"Hash chain broken at entry " + broken.get() + ": the log was altered from that entry on.");
		}
		long head = expectedSeq.get() - 1;
		if (headVersion.get() != null && headVersion.get() == HashChainedAuditLog.LEGACY && keyedHeadExpected()) {
			return result(false, rows, head, Finding.UNKEYED_HEAD, null,
					"The newest entries carry the unkeyed hash although the log is keyed: the chain was rebuilt.");
		}
		Optional<AuditCheckpoints.Checkpoint> latest = checkpoints.latest();
		if (latest.isEmpty()) {
			return result(true, rows, null, Finding.INTACT, null,
					"Hash chain intact: " + rows + " entries verified; no checkpoint written yet.");
		}
		AuditCheckpoints.Checkpoint cp = latest.get();
		if (!cp.validSignature()) {
			return result(false, rows, null, Finding.CHECKPOINT_FORGED, null,
					"The latest checkpoint's signature is invalid: the checkpoint file was edited.");
		}
		if (head < cp.seq()) {
			return result(false, rows, head + 1, Finding.TRUNCATED, cp.seq(),
					"Entries " + (head + 1) + " to " + cp.seq() + " are missing: the checkpoint of " + cp.at()
							+ " names entry " + cp.seq() + ", the log ends at " + head
							+ ". The newest entries were deleted.");
		}
		String atCheckpoint = jdbc.sql("SELECT hash FROM audit_log WHERE seq = ?")
			.param(cp.seq())
			.query(String.class)
			.optional()
			.orElse("");
		if (!atCheckpoint.equals(cp.hash())) {
			return result(false, rows, cp.seq(), Finding.CHECKPOINT_MISMATCH, cp.seq(),
					"Entry " + cp.seq() + " differs from the checkpoint of " + cp.at() + ": the chain was rewritten.");
		}
		return result(true, rows, null, Finding.INTACT, cp.seq(), "Hash chain intact: " + rows
				+ " entries verified; it matches the checkpoint of " + cp.at() + " (entry " + cp.seq() + ").");
	}

	/**
	 * Once keyed rows exist anywhere in the table, a legacy head means a rebuilt chain.
	 */
	private boolean keyedHeadExpected() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE chain_version = ?")
			.param(HashChainedAuditLog.KEYED)
			.query(Long.class)
			.single() > 0 || checkpoints.latest().isPresent();
	}

	private static ChainVerification result(boolean intact, long rows, Long broken, Finding finding, Long cp,
			String words) {
		return new ChainVerification(intact, rows, broken, finding, cp, words);
	}

	private static PersonId person(UUID id) {
		return id == null ? null : new PersonId(id);
	}

}
