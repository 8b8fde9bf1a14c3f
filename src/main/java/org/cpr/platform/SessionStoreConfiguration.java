package org.cpr.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL: two requests of one session arriving together (a re-sent
 * request while the first is still running, parallel htmx requests) would both insert the
 * same new attribute and one would fail with a duplicate key (seen in the cluster proof).
 * On PostgreSQL attributes are written with an upsert instead (Spring Session's own
 * customizer). The embedded H2 of the demo has one node and keeps the default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionStoreConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpsert(
			@Value("${spring.datasource.url:}") String url) {
		return url.startsWith("jdbc:postgresql:") ? new PostgreSqlJdbcIndexedSessionRepositoryCustomizer()
				: repository -> {
				};
	}

}
