package org.cpr.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with DDL rights drops the trigger and edits a row: verification names that row.
 * Runs in its own application context (own database) because it leaves the chain broken.
 */
@SpringBootTest(properties = "cpr.test.isolated-context=audit-tamper")
class AuditTamperTests {

	@Autowired
	AuditPort port;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void editingOneRowOfflineIsDetectedAtThatRow() {
		for (int i = 0; i < 5; i++) {
			String action = "TAMPER_" + i;
			tx.executeWithoutResult(s -> port.record(new AuditEntry(new PersonId(UUID.randomUUID()), action, "x", null,
					null, null, AuditEntry.Outcome.SUCCESS, null)));
		}
		assertThat(log.verify().intact()).isTrue();
		long target = jdbc.sql("SELECT seq FROM audit_log WHERE action = 'TAMPER_2'").query(Long.class).single();
		jdbc.sql("DROP TRIGGER audit_log_no_change").update();
		jdbc.sql("UPDATE audit_log SET detail = 'edited' WHERE seq = ?").param(target).update();
		ChainVerification check = log.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.firstBroken()).isEqualTo(target);
	}

}
