package org.cpr.safety.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.cpr.CprApplication;
import org.cpr.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The real prod start-up on PostgreSQL, after Flyway: no on-call rota and no safety
 * mailbox → no start, with the reason.
 */
@ExtendWith(PostgresAvailable.class)
class ProdAlertChannelGuardPostgresIT {

	@Test
	void prodRefusesToStartWhenAnAlertCouldReachNobody() throws SQLException {
		try (Connection c = DriverManager.getConnection(PostgresAvailable.url(), PostgresAvailable.user(),
				PostgresAvailable.password()); Statement s = c.createStatement()) {
			s.execute("DELETE FROM safety_oncall");
		}
		catch (SQLException notMigratedYet) {
			// a fresh schema: Flyway creates an empty rota during the start below
		}
		Throwable failure = catchThrowable(
				() -> new SpringApplication(CprApplication.class).run("--spring.profiles.active=prod",
						"--server.port=0", "--spring.datasource.url=" + PostgresAvailable.url(),
						"--spring.datasource.username=" + PostgresAvailable.user(),
						"--spring.datasource.password=" + PostgresAvailable.password(),
						"--cpr.crypto.key=dGVzdC1rZXktZm9yLWNwci1wbGF0Zm9ybS10ZXN0czA=", "--cpr.safety.mailbox="));
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new NoAlertChannelAnalyzer().analyze(failure);
		assertThat(analysis).as("refused for the missing alert channel: " + failure).isNotNull();
		assertThat(analysis.getDescription()).contains("on-call rota");
	}

}
