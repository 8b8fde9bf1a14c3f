package org.cpr.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application under test at the PostgreSQL database named by
 * {@code CPR_TEST_DB_URL}.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + PostgresAvailable.url(),
					"spring.datasource.username=" + PostgresAvailable.user(),
					"spring.datasource.password=" + PostgresAvailable.password(),
					// Every cached test context keeps its own pool: idle connections of
					// contexts not in use are let go,
					// or ten PostgreSQL contexts holding ten each meet "too many clients"
					// (max_connections 100).
					"spring.datasource.hikari.minimum-idle=0", "spring.datasource.hikari.idle-timeout=10000")
			.applyTo(context.getEnvironment());
	}

}
