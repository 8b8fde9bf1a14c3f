package org.cpr.audit.internal;

import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.cpr.audit.ChainVerification;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes every row's hash in order and reports the first row whose content or link was altered. */
@Component
public class AuditChainVerifier {

    private final JdbcClient jdbc;

    AuditChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AtomicReference<String> previous = new AtomicReference<>(HashChainedAuditLog.GENESIS);
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicLong checked = new AtomicLong();
        AtomicReference<Long> broken = new AtomicReference<>();
        jdbc.sql("""
                SELECT seq, occurred_at, actor_id, action, record_type, record_id, subject_id, purpose, outcome, detail,
                       prev_hash, hash FROM audit_log ORDER BY seq""")
            .query(rs -> {
                if (broken.get() != null) {
                    return;
                }
                long seq = rs.getLong("seq");
                checked.incrementAndGet();
                AuditEntry entry = new AuditEntry(person(rs.getObject("actor_id", UUID.class)), rs.getString("action"),
                        rs.getString("record_type"), rs.getString("record_id"), person(rs.getObject("subject_id", UUID.class)),
                        rs.getString("purpose"), AuditEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
                Timestamp at = rs.getTimestamp("occurred_at");
                String recomputed = HashChainedAuditLog.hash(seq, at.toInstant(), entry, previous.get());
                if (seq != expectedSeq.get() || !previous.get().equals(rs.getString("prev_hash"))
                        || !recomputed.equals(rs.getString("hash"))) {
                    broken.set(seq);
                    return;
                }
                previous.set(rs.getString("hash"));
                expectedSeq.incrementAndGet();
            });
        return new ChainVerification(broken.get() == null, checked.get(), broken.get());
    }

    private static PersonId person(UUID id) {
        return id == null ? null : new PersonId(id);
    }
}
