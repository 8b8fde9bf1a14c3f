package org.cpr.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit rows in the caller's transaction, so an action and its audit record commit or
 * roll back together. Appends are serialized by locking a single lock row first and only then
 * reading the chain head (a fresh statement, so it sees the previous append once it committed),
 * which keeps the chain linear across threads and application nodes.
 */
@Component
class HashChainedAuditLog implements AuditPort {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    HashChainedAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry e) {
        jdbc.sql("SELECT id FROM audit_chain_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        var head = jdbc.sql("SELECT seq, hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = head.map(h -> (Long) h[0] + 1).orElse(1L);
        String prev = head.map(h -> (String) h[1]).orElse(GENESIS);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(seq, at, e, prev);
        jdbc.sql("""
                INSERT INTO audit_log (seq, occurred_at, actor_id, action, record_type, record_id, subject_id,
                                       purpose, outcome, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(seq, Timestamp.from(at), uuid(e.actor()), e.action(), e.recordType(), e.recordId(),
                    uuid(e.subject()), e.purpose(), e.outcome().name(), e.detail(), prev, hash)
            .update();
    }

    static String hash(long seq, Instant at, AuditEntry e, String prev) {
        String canonical = String.join("|", Long.toString(seq), at.toString(), str(e.actor()), e.action(),
                str(e.recordType()), str(e.recordId()), str(e.subject()), str(e.purpose()), e.outcome().name(),
                str(e.detail()), prev);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String str(Object o) {
        return Objects.toString(o, "");
    }

    private static UUID uuid(PersonId id) {
        return id == null ? null : id.value();
    }
}
