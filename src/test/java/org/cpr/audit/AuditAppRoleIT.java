package org.cpr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application as it runs in production: Flyway migrates as the owner, the application
 * connects as a role that does not own the tables ({@code cpr.db.app-role}). That role
 * can append to the audit log and read it, but UPDATE, DELETE, TRUNCATE and DROP TRIGGER
 * on it fail (I-15, T8). The role is created here (CI creates the database as postgres
 * only).
 */
@SpringBootTest(properties = "cpr.test.isolated-context=audit-app-role")
@ExtendWith(PostgresAvailable.class)
class AuditAppRoleIT {

	static final String APP_ROLE = "cpr_app_it";

	@DynamicPropertySource
	static void asTheApplicationRole(DynamicPropertyRegistry registry) throws Exception {
		try (Connection c = DriverManager.getConnection(PostgresAvailable.url(), PostgresAvailable.user(),
				PostgresAvailable.password()); Statement s = c.createStatement()) {
			s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
					+ "CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD 'cpr-app-it'; END IF; END $$");
		}
		registry.add("spring.datasource.url", PostgresAvailable::url);
		registry.add("spring.datasource.username", () -> APP_ROLE);
		registry.add("spring.datasource.password", () -> "cpr-app-it");
		registry.add("spring.flyway.user", PostgresAvailable::user);
		registry.add("spring.flyway.password", PostgresAvailable::password);
		registry.add("cpr.db.app-role", () -> APP_ROLE);
	}

	@Autowired
	AuditPort port;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theApplicationRoleAppendsButCannotChangeRemoveOrUnprotectTheAuditLog() {
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(APP_ROLE);
		tx.executeWithoutResult(s -> port.record(new AuditEntry(new PersonId(UUID.randomUUID()), "PG_APP_ROLE", "x",
				null, null, null, AuditEntry.Outcome.SUCCESS, null)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PG_APP_ROLE'").query(Long.class).single())
			.isEqualTo(1);

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET detail = 'x' WHERE action = 'PG_APP_ROLE'").update())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE action = 'PG_APP_ROLE'").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("DROP TRIGGER audit_log_no_change ON audit_log").update()).rootCause()
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER ALL").update()).rootCause()
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> jdbc.sql("DROP TABLE audit_log").update()).rootCause()
			.hasMessageContaining("must be owner");
		assertThat(log.verify().intact()).isTrue();
	}

}
