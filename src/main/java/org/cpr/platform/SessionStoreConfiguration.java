package org.cpr.platform;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions in PostgreSQL: two requests of one session arriving together (a re-sent
 * request while the first is still running, parallel htmx requests) would both insert the
 * same new attribute and one would fail with a duplicate key (seen in the cluster proof).
 * On PostgreSQL attributes are written with an upsert instead (Spring Session's own
 * customizer). The embedded H2 of the demo has one node and keeps the default.
 * <p>
 * Spring Session runs each of its statements (read the session, update its last access,
 * write changed attributes) in a transaction of its own. By default that is a transaction
 * of the application's JPA transaction manager, which opens a Hibernate session for every
 * signed-in request's read and again for its write, although Spring Session uses only
 * JDBC: about a third of the session store's CPU. Here they run in plain JDBC
 * transactions on the same database instead, with the same propagation (a new
 * transaction). Should a session be read or written while a transaction is already open
 * on the thread, the JPA transaction manager handles it exactly as before.
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

	/**
	 * Spring Session's transactions (the name is the qualifier it asks for). Not a
	 * default candidate: nothing else is given it when asking for a
	 * {@link TransactionOperations}, and Spring Boot's {@code TransactionTemplate} stays
	 * as it is.
	 */
	@Bean(defaultCandidate = false)
	TransactionOperations springSessionTransactionOperations(DataSource dataSource,
			PlatformTransactionManager transactions) {
		return new SessionTransactions(requiresNew(new DataSourceTransactionManager(dataSource)),
				requiresNew(transactions));
	}

	static TransactionTemplate requiresNew(PlatformTransactionManager manager) {
		TransactionTemplate template = new TransactionTemplate(manager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return template;
	}

	/**
	 * A new plain JDBC transaction when none is open on the thread (every request's own
	 * session read and write); otherwise the application's transaction manager, as Spring
	 * Session would use it by default.
	 */
	record SessionTransactions(TransactionTemplate jdbc,
			TransactionTemplate application) implements TransactionOperations {

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			return TransactionSynchronizationManager.isActualTransactionActive()
					|| TransactionSynchronizationManager.isSynchronizationActive() ? application.execute(action)
							: jdbc.execute(action);
		}

	}

}
