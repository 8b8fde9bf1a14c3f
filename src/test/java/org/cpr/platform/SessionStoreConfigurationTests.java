package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.cpr.platform.SessionStoreConfiguration.SessionTransactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which transaction manager runs Spring Session's statements: a plain JDBC one for a
 * request's own session read and write, the application's (JPA) one, as before, when a
 * transaction is already open on the thread.
 */
class SessionStoreConfigurationTests {

	final List<String> begun = new ArrayList<>();

	final SessionTransactions transactions = new SessionTransactions(template("jdbc"), template("application"));

	@AfterEach
	void clear() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	void aRequestsOwnSessionStatementsRunInAPlainJdbcTransaction() {
		String read = transactions.execute(status -> "read");
		assertThat(read).isEqualTo("read");
		assertThat(begun).containsExactly("jdbc");
	}

	@Test
	void insideAnOpenTransactionTheApplicationsTransactionManagerRunsThemAsBefore() {
		TransactionSynchronizationManager.initSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(true);
		transactions.execute(status -> "read");
		assertThat(begun).containsExactly("application");
	}

	private TransactionTemplate template(String name) {
		TransactionTemplate template = new TransactionTemplate(new AbstractPlatformTransactionManager() {

			@Override
			protected Object doGetTransaction() {
				return new Object();
			}

			@Override
			protected void doBegin(Object transaction, TransactionDefinition definition) {
				assertThat(definition.getPropagationBehavior())
					.isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				begun.add(name);
			}

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
			}

			@Override
			protected void doRollback(DefaultTransactionStatus status) {
			}

			@Override
			protected Object doSuspend(Object transaction) {
				return new Object();
			}

			@Override
			protected void doResume(Object transaction, Object suspendedResources) {
			}

		});
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return template;
	}

}
