package org.cpr.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a PostgreSQL integration test only when {@code CPR_TEST_DB_URL} is set; without it
 * the test is skipped with one line. With it set but the database unreachable, the test
 * fails: CI sets the variable, so PostgreSQL tests are mandatory there. The schema is
 * emptied once per test JVM so every run starts from the real Flyway migrations.
 */
public class PostgresAvailable implements ExecutionCondition {

	private static volatile boolean notified;

	private static volatile boolean reset;

	public static String url() {
		return System.getenv("CPR_TEST_DB_URL");
	}

	public static String user() {
		return System.getenv().getOrDefault("CPR_TEST_DB_USER", "postgres");
	}

	public static String password() {
		return System.getenv().getOrDefault("CPR_TEST_DB_PASSWORD", "");
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (url() == null || url().isBlank()) {
			if (!notified) {
				notified = true;
				System.out.println("PostgreSQL integration tests skipped: CPR_TEST_DB_URL is not set.");
			}
			return ConditionEvaluationResult.disabled("CPR_TEST_DB_URL is not set");
		}
		resetSchemaOnce();
		return ConditionEvaluationResult.enabled("PostgreSQL at CPR_TEST_DB_URL");
	}

	private static synchronized void resetSchemaOnce() {
		if (reset) {
			return;
		}
		try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS public CASCADE");
			s.execute("CREATE SCHEMA public");
			reset = true;
		}
		catch (SQLException e) {
			throw new IllegalStateException("CPR_TEST_DB_URL is set but PostgreSQL is unreachable: " + e.getMessage(),
					e);
		}
	}

}
