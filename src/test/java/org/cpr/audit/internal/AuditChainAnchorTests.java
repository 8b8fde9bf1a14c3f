package org.cpr.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.cpr.audit.AuditLog;
import org.cpr.audit.ChainVerification;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An insider with write access to the database (the trigger dropped) cannot rebuild the
 * chain with plain SHA-256 nor delete the newest rows unnoticed (I-15); someone with DDL
 * rights who edits one row is caught at that row. Each test breaks the chain: the class
 * has a database of its own (its own context), and after each test the chain is emptied,
 * its trigger restored and its checkpoints replaced by one of a fresh keyed row, so the
 * next test starts from an intact, checkpointed chain without the cost of a fresh
 * context.
 */
@SpringBootTest(properties = "cpr.test.isolated-context=audit-anchor")
@AutoConfigureMockMvc
class AuditChainAnchorTests {

	@Autowired
	AuditPort port;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditCheckpoints checkpoints;

	boolean privacyOfficerMfa;

	@BeforeEach
	void rememberWhatATestChanges() {
		privacyOfficerMfa = jdbc.sql("SELECT mfa_enabled FROM person WHERE username = 'privacy'")
			.query(Boolean.class)
			.single();
	}

	@AfterEach
	void anEmptyIntactChainForTheNextTest() throws Exception {
		jdbc.sql("DROP TRIGGER IF EXISTS audit_log_no_change").update();
		jdbc.sql("DELETE FROM audit_log").update();
		java.nio.file.Files.deleteIfExists(checkpointFile());
		// as migration V2_2 creates it on H2
		jdbc.sql("CREATE TRIGGER audit_log_no_change BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW "
				+ "CALL 'org.cpr.audit.internal.AppendOnlyTrigger'")
			.update();
		jdbc.sql("UPDATE person SET mfa_enabled = ? WHERE username = 'privacy'").param(privacyOfficerMfa).update();
		// what a running system (and a fresh context) has: a keyed chain with a signed
		// checkpoint of its head
		write(1, "RUNNING_");
		checkpoints.checkpoint();
		assertThat(log.verify().intact()).as("the next test starts from an intact chain").isTrue();
	}

	private java.nio.file.Path checkpointFile() {
		return java.nio.file.Path
			.of(org.springframework.test.util.ReflectionTestUtils.getField(checkpoints, "dir").toString())
			.resolve("checkpoints.log");
	}

	private void write(int n, String prefix) {
		for (int i = 0; i < n; i++) {
			String action = prefix + i;
			tx.executeWithoutResult(s -> port.record(new AuditEntry(new PersonId(UUID.randomUUID()), action, "x", null,
					null, "test", AuditEntry.Outcome.SUCCESS, null)));
		}
	}

	/**
	 * What an insider does with the old, public algorithm: edit a row, then recompute
	 * every hash after it.
	 */
	private void rebuildWithPlainSha256From(long from) {
		List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq")
			.param(from)
			.query()
			.listOfRows();
		String prev = from == 1 ? "0".repeat(64)
				: jdbc.sql("SELECT hash FROM audit_log WHERE seq = ?").param(from - 1).query(String.class).single();
		for (Map<String, Object> r : rows) {
			long seq = ((Number) r.get("seq")).longValue();
			Object raw = r.get("occurred_at");
			java.time.Instant at = raw instanceof Timestamp t ? t.toInstant()
					: ((java.time.OffsetDateTime) raw).toInstant();
			String canonical = String.join("|", Long.toString(seq), at.toString(), str(r.get("actor_id")),
					str(r.get("action")), str(r.get("record_type")), str(r.get("record_id")), str(r.get("subject_id")),
					str(r.get("purpose")), str(r.get("outcome")), str(r.get("detail")), prev);
			String hash = sha256(canonical);
			jdbc.sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?").params(prev, hash, seq).update();
			prev = hash;
		}
	}

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

	@Test
	void aChainRebuiltWithPlainSha256IsDetected() throws Exception {
		write(6, "REBUILD_");
		assertThat(log.verify().intact()).isTrue();
		long target = jdbc.sql("SELECT seq FROM audit_log WHERE action = 'REBUILD_2'").query(Long.class).single();
		jdbc.sql("DROP TRIGGER audit_log_no_change").update();
		jdbc.sql("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = ?").param(target).update();
		rebuildWithPlainSha256From(target);

		ChainVerification check = log.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.firstBroken()).isEqualTo(target);
		assertThat(check.finding()).isEqualTo(ChainVerification.Finding.ALTERED);

		// also marking the rebuilt rows as the legacy (unkeyed) version does not help
		jdbc.sql("UPDATE audit_log SET chain_version = 1").update();
		rebuildWithPlainSha256From(1);
		check = log.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.finding()).isIn(ChainVerification.Finding.UNKEYED_HEAD,
				ChainVerification.Finding.CHECKPOINT_MISMATCH);
		privacyOfficerEnrolledInTwoStepSignIn();
		mvc.perform(
				get("/api/v1/audit/verify").header("Authorization", "Bearer cpr_demo_privacy_officer_3c9e1a7f5b0d2864"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(false))
			.andExpect(jsonPath("$.description")
				.value(org.hamcrest.Matchers.anyOf(containsString("rebuilt"), containsString("rewritten"))));
	}

	@Test
	void deletingTheNewestRowsIsDetectedAgainstTheSignedCheckpoint() throws Exception {
		write(5, "NEWEST_");
		checkpoints.checkpoint();
		assertThat(log.verify().intact()).isTrue();
		long head = jdbc.sql("SELECT MAX(seq) FROM audit_log").query(Long.class).single();
		jdbc.sql("DROP TRIGGER audit_log_no_change").update();
		jdbc.sql("DELETE FROM audit_log WHERE seq > ?").param(head - 2).update();

		ChainVerification check = log.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.finding()).isEqualTo(ChainVerification.Finding.TRUNCATED);
		assertThat(check.firstBroken()).isEqualTo(head - 1);
		assertThat(check.checkpointSeq()).isEqualTo(head);
		privacyOfficerEnrolledInTwoStepSignIn();
		mvc.perform(
				get("/api/v1/audit/verify").header("Authorization", "Bearer cpr_demo_privacy_officer_3c9e1a7f5b0d2864"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(false))
			.andExpect(jsonPath("$.finding").value("TRUNCATED"))
			.andExpect(jsonPath("$.description").value(containsString("newest entries were deleted")));
		mvc.perform(get("/audit").with(signedIn(as(Role.PRIVACY_OFFICER))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The newest entries were deleted")));
	}

	@Test
	void aForgedCheckpointLineIsReported() throws Exception {
		write(3, "FORGED_");
		checkpoints.checkpoint();
		java.nio.file.Path dir = java.nio.file.Path
			.of((String) org.springframework.test.util.ReflectionTestUtils.getField(checkpoints, "dir").toString());
		java.nio.file.Files.writeString(
				dir.resolve("checkpoints.log"), "AUDIT_CHECKPOINT seq=1 hash=" + "0".repeat(64)
						+ " at=2026-01-01T00:00:00Z sig=" + "0".repeat(64) + System.lineSeparator(),
				java.nio.file.StandardOpenOption.APPEND);
		ChainVerification check = log.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.finding()).isEqualTo(ChainVerification.Finding.CHECKPOINT_FORGED);
	}

	@Test
	void rowsWrittenBeforeTheKeyStillVerifyAndTheFirstKeyedRowAnchorsThem() throws Exception {
		// the state right after upgrading: a chain written with the old unkeyed SHA-256,
		// no checkpoint yet
		jdbc.sql("DROP TRIGGER audit_log_no_change").update();
		jdbc.sql("DELETE FROM audit_log").update();
		java.nio.file.Files.deleteIfExists(java.nio.file.Path
			.of(org.springframework.test.util.ReflectionTestUtils.getField(checkpoints, "dir").toString())
			.resolve("checkpoints.log"));
		for (long seq = 1; seq <= 3; seq++) {
			jdbc.sql("""
					INSERT INTO audit_log (seq, occurred_at, action, outcome, prev_hash, hash, chain_version)
					VALUES (?, ?, ?, 'SUCCESS', 'x', 'x', 1)""")
				.params(seq, Timestamp.from(java.time.Instant.parse("2026-01-0" + seq + "T10:00:00Z")), "LEGACY_" + seq)
				.update();
		}
		rebuildWithPlainSha256From(1);
		assertThat(log.verify().intact()).as("legacy rows verify").isTrue();

		write(1, "KEYED_");
		ChainVerification check = log.verify();
		assertThat(check.intact()).isTrue();
		assertThat(check.rowsChecked()).isEqualTo(4);

		// rewriting a legacy row (and every hash after it, with the public algorithm)
		// breaks the keyed row
		jdbc.sql("UPDATE audit_log SET detail = 'edited' WHERE seq = 2").update();
		rebuildWithPlainSha256From(2);
		check = log.verify();
		assertThat(check.intact()).isFalse();
		assertThat(check.firstBroken()).isEqualTo(4);
	}

	private static String str(Object o) {
		return Objects.toString(o, "");
	}

	private static String sha256(String s) throws RuntimeException {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A privacy officer's API token works only once two-step sign-in is enrolled (I-25).
	 */
	private void privacyOfficerEnrolledInTwoStepSignIn() {
		jdbc.sql("UPDATE person SET mfa_enabled = TRUE WHERE username = 'privacy'").update();
	}

}
