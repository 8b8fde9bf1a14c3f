package org.cpr.platform;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile on the embedded H2 database (the lesson of
 * Keycloak #14811: refuse, don't warn). Registered in {@code META-INF/spring.factories}
 * so it runs before any bean, and before Flyway could touch the wrong database.
 */
public class DatabaseProfileGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(event.getEnvironment());
	}

	static void check(Environment env) {
		if (!env.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		String url = env.getProperty("spring.datasource.url", "").strip();
		if (url.isBlank() || url.startsWith("jdbc:h2:")) {
			throw new EmbeddedDatabaseInProductionException();
		}
	}

}

/**
 * Thrown when prod is started on H2; reported by
 * {@link EmbeddedDatabaseInProductionAnalyzer} in one line.
 */
class EmbeddedDatabaseInProductionException extends IllegalStateException {

	static final String REASON = "The prod profile needs PostgreSQL: set CPR_DB_URL to a jdbc:postgresql:// URL "
			+ "(the embedded H2 database is for demos only).";

	EmbeddedDatabaseInProductionException() {
		super(REASON);
	}

}
