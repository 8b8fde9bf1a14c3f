package org.cpr.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * For a PostgreSQL test whose data must start from an empty schema (it seeds at fixed
 * clock dates and counts what it finds): a database of its own, created afresh next to
 * {@code CPR_TEST_DB_URL}'s and named with the suffix a subclass gives. Declared with
 * {@code @ContextConfiguration(initializers = …)}, which replaces
 * {@link PostgresInitializer}, so it sets the same credentials itself. Without
 * {@code CPR_TEST_DB_URL} it does nothing (the test is skipped).
 */
public abstract class OwnPostgresDatabase
		implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** Letters, digits and underscores only. */
	protected abstract String suffix();

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = PostgresAvailable.url();
		if (url == null || url.isBlank()) {
			return;
		}
		if (!suffix().matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("database suffix: " + suffix());
		}
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		String name = (query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query)) + "_" + suffix();
		String own = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
		try (Connection c = DriverManager.getConnection(url, PostgresAvailable.user(), PostgresAvailable.password());
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create the test's own PostgreSQL database", e);
		}
		TestPropertyValues
			.of("spring.datasource.url=" + own, "spring.datasource.username=" + PostgresAvailable.user(),
					"spring.datasource.password=" + PostgresAvailable.password(),
					"spring.datasource.hikari.minimum-idle=0", "spring.datasource.hikari.idle-timeout=10000")
			.applyTo(context.getEnvironment());
	}

}
