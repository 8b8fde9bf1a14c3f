package org.cpr.audit.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpr.audit.AuditLog;
import org.cpr.audit.AuditRecord;
import org.cpr.audit.AuditSearch;
import org.cpr.audit.ChainVerification;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log read with SQL over {@code audit_log}; verification by the chain verifier.
 */
@Service("auditLog")
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final AuditChainVerifier verifier;

	private final AuditPort audit;

	JdbcAuditLog(JdbcClient jdbc, AuditChainVerifier verifier, AuditPort audit) {
		this.jdbc = jdbc;
		this.verifier = verifier;
		this.audit = audit;
	}

	@Override
	public ChainVerification verify() {
		return verifier.verify();
	}

	@Override
	@Transactional
	public List<AuditRecord> search(AuditSearch q, int page, PersonId officer) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		add(sql, params, "actor_id = ?", q.actor() == null ? null : q.actor().value());
		add(sql, params, "subject_id = ?", q.subject() == null ? null : q.subject().value());
		add(sql, params, "action = ?", blank(q.action()));
		add(sql, params, "record_type = ?", blank(q.recordType()));
		add(sql, params, "record_id = ?", blank(q.recordId()));
		add(sql, params, "occurred_at >= ?", q.from() == null ? null : Date.valueOf(q.from()));
		add(sql, params, "occurred_at < ?", q.to() == null ? null : Date.valueOf(q.to().plusDays(1)));
		sql.append(" ORDER BY seq DESC LIMIT ")
			.append(PAGE_SIZE)
			.append(" OFFSET ")
			.append(Math.max(0, page) * PAGE_SIZE);
		List<AuditRecord> rows = jdbc.sql(sql.toString()).params(params).query(JdbcAuditLog::row).list();
		audit.record(AuditEntry.of(officer, "AUDIT_LOG_SEARCHED", "audit_log", null, "privacy-oversight")
			.about(q.subject())
			.detail("results=" + rows.size()));
		return rows;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditRecord> accessesTo(PersonId subject) {
		return jdbc.sql("SELECT * FROM audit_log WHERE subject_id = ? ORDER BY seq DESC LIMIT 500")
			.param(subject.value())
			.query(JdbcAuditLog::row)
			.list();
	}

	private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
		if (value != null) {
			sql.append(" AND ").append(clause);
			params.add(value);
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static AuditRecord row(ResultSet rs, int n) throws SQLException {
		UUID actor = rs.getObject("actor_id", UUID.class);
		UUID subject = rs.getObject("subject_id", UUID.class);
		return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
				actor == null ? null : new PersonId(actor), rs.getString("action"), rs.getString("record_type"),
				rs.getString("record_id"), subject == null ? null : new PersonId(subject), rs.getString("purpose"),
				rs.getString("outcome"), rs.getString("detail"));
	}

}
