package org.cpr.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the chain head, written outside the table: every
 * {@code cpr.audit.checkpoint-every} (default 5 minutes, one node, ShedLock) the head's
 * sequence number and hash are signed (HMAC with a key outside the database) and written
 * as one line to the log (logger {@code org.cpr.audit.checkpoint}) and appended to
 * {@code checkpoints.log} in {@code cpr.audit.checkpoint-dir}. Verification compares the
 * table with the latest checkpoint, so deleting the newest rows, or rewriting the chain,
 * is reported. Ship the log line and the file to a place the database administrators
 * cannot write (log host, WORM bucket).
 * <p>
 * Once per period across the cluster: each node's timer fires every period at its own
 * phase, and the lock is held for the whole period (database time), so the node that ran
 * it re-takes it on its next tick while the other nodes' ticks find it held; when that
 * node dies, another takes over within one period.
 * <p>
 * At start, while the chain's head still carries the unkeyed legacy hash, one
 * {@code AUDIT_CHAIN_KEYED} entry is appended: its HMAC covers the last legacy hash and
 * anchors every legacy row.
 */
@Component
class AuditCheckpoints {

	/** One signed checkpoint line. */
	public record Checkpoint(long seq, String hash, Instant at, boolean validSignature) {
	}

	static final String FILE = "checkpoints.log";

	private static final Logger LOG = LoggerFactory.getLogger("org.cpr.audit.checkpoint");

	private final JdbcClient jdbc;

	private final AuditKeys keys;

	private final HashChainedAuditLog chain;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Path dir;

	AuditCheckpoints(JdbcClient jdbc, AuditKeys keys, HashChainedAuditLog chain, TransactionTemplate tx, Clock clock,
			@Value("${cpr.audit.checkpoint-dir:./data/audit-checkpoints}") String dir) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.chain = chain;
		this.tx = tx;
		this.clock = clock;
		this.dir = Path.of(dir);
	}

	@EventListener(ApplicationReadyEvent.class)
	void anchorAndCheckpoint() {
		tx.executeWithoutResult(s -> {
			Integer headVersion = jdbc
				.sql("SELECT chain_version FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")
				.query(Integer.class)
				.optional()
				.orElse(null);
			if (headVersion != null && headVersion == HashChainedAuditLog.LEGACY) {
				chain.record(new org.cpr.shared.AuditEntry(null, "AUDIT_CHAIN_KEYED", "audit_log", null, null,
						"integrity", org.cpr.shared.AuditEntry.Outcome.SUCCESS, null));
			}
		});
		checkpoint();
	}

	@Scheduled(fixedDelayString = "${cpr.audit.checkpoint-every:PT5M}",
			initialDelayString = "${cpr.audit.checkpoint-every:PT5M}")
	@SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "${cpr.audit.checkpoint-every:PT5M}",
			lockAtLeastFor = "${cpr.audit.checkpoint-every:PT5M}")
	void scheduled() {
		checkpoint();
	}

	/**
	 * Signs the current head and writes it to the log and the checkpoint file; empty for
	 * an empty chain.
	 */
	public Optional<Checkpoint> checkpoint() {
		Optional<Object[]> head = jdbc
			.sql("SELECT seq, hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		long seq = (Long) head.get()[0];
		String hash = (String) head.get()[1];
		Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String body = "seq=" + seq + " hash=" + hash + " at=" + at;
		String line = "AUDIT_CHECKPOINT " + body + " sig=" + keys.checkpointMac(body);
		LOG.info(line);
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(FILE), line + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
					StandardOpenOption.SYNC);
		}
		catch (IOException e) {
			LOG.error("AUDIT_CHECKPOINT_FILE_FAILED dir={} reason={}", dir, e.getClass().getSimpleName());
		}
		return Optional.of(new Checkpoint(seq, hash, at, true));
	}

	/**
	 * The newest checkpoint in the file (its signature checked), or empty when there is
	 * none.
	 */
	public Optional<Checkpoint> latest() {
		Path file = dir.resolve(FILE);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = lines.size() - 1; i >= 0; i--) {
				Optional<Checkpoint> c = parse(lines.get(i).strip());
				if (c.isPresent()) {
					return c;
				}
			}
			return Optional.empty();
		}
		catch (IOException e) {
			throw new IllegalStateException("audit checkpoint file unreadable", e);
		}
	}

	Optional<Checkpoint> parse(String line) {
		if (!line.startsWith("AUDIT_CHECKPOINT ")) {
			return Optional.empty();
		}
		int sig = line.lastIndexOf(" sig=");
		if (sig < 0) {
			return Optional.of(new Checkpoint(-1, "", Instant.EPOCH, false));
		}
		String body = line.substring("AUDIT_CHECKPOINT ".length(), sig);
		String given = line.substring(sig + " sig=".length());
		boolean valid = MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
				keys.checkpointMac(body).getBytes(StandardCharsets.US_ASCII));
		try {
			String[] parts = body.split(" ");
			long seq = Long.parseLong(parts[0].substring("seq=".length()));
			String hash = parts[1].substring("hash=".length());
			Instant at = Instant.parse(parts[2].substring("at=".length()));
			return Optional.of(new Checkpoint(seq, hash, at, valid));
		}
		catch (RuntimeException malformed) {
			return Optional.of(new Checkpoint(-1, "", Instant.EPOCH, false));
		}
	}

}
