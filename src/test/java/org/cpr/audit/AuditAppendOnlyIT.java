package org.cpr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the application's own connection cannot change or remove audit rows
 * (I-15, T8).
 */
@SpringBootTest
@PostgresTest
class AuditAppendOnlyIT {

	@Autowired
	AuditPort port;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void updateDeleteAndTruncateAreRefused() {
		tx.executeWithoutResult(s -> port.record(new AuditEntry(new PersonId(UUID.randomUUID()), "PG_APPEND_ONLY", "x",
				null, null, null, AuditEntry.Outcome.SUCCESS, null)));
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET detail = 'x' WHERE action = 'PG_APPEND_ONLY'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE action = 'PG_APPEND_ONLY'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update()).hasMessageContaining("append-only");
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void concurrentAppendsFromManyTransactionsAllLandInOneIntactChain() throws Exception {
		int threads = 8;
		int each = 40;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				for (int i = 0; i < each; i++) {
					tx.executeWithoutResult(s -> port.record(new AuditEntry(null, "PG_CONCURRENT_APPEND", "x", null,
							null, null, AuditEntry.Outcome.SUCCESS, null)));
				}
			}));
		}
		for (java.util.concurrent.Future<?> f : done) {
			f.get(); // an append that collided would throw here
		}
		pool.shutdown();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PG_CONCURRENT_APPEND'")
			.query(Long.class)
			.single()).isEqualTo((long) threads * each);
		assertThat(log.verify().intact()).isTrue();
	}

}
