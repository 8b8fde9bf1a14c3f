package org.cpr.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.cpr.audit.AnonymousAuditFlush;
import org.cpr.audit.ChainVerification;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.support.PostgresAvailable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes share one audit chain in production. Here several independent "nodes" (each
 * its own Spring context with its own connection pool, the real audit beans and their
 * transaction proxies) append to one PostgreSQL chain at once from many threads: the
 * identified entries of requests, the anonymous-channel entries that wait in
 * {@code audit_pending}, and the hourly flush run the way the scheduler runs it. No
 * append may fail, the sequence must be 1..n without gap or duplicate, every entry must
 * be there once, and the keyed hash chain must verify intact.
 */
@ExtendWith(PostgresAvailable.class)
class AuditChainNodesIT {

	static final int NODES = 3;

	static final int THREADS_PER_NODE = 4;

	static final int APPENDS_PER_THREAD = 30;

	static final String KEY = Base64.getEncoder()
		.encodeToString("audit-nodes-test-key-32-bytes-long!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

	static String url;

	static final List<AnnotationConfigApplicationContext> nodes = new ArrayList<>();

	@BeforeAll
	static void ownDatabaseAndNodes() throws Exception {
		String shared = PostgresAvailable.url();
		int slash = shared.lastIndexOf('/');
		int query = shared.indexOf('?', slash);
		String name = (query < 0 ? shared.substring(slash + 1) : shared.substring(slash + 1, query)) + "_auditnodes";
		url = shared.substring(0, slash + 1) + name + (query < 0 ? "" : shared.substring(query));
		try (Connection c = DriverManager.getConnection(shared, PostgresAvailable.user(), PostgresAvailable.password());
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			s.execute("CREATE DATABASE " + name);
		}
		Flyway.configure()
			.dataSource(url, PostgresAvailable.user(), PostgresAvailable.password())
			.locations("classpath:db/migration")
			.outOfOrder(true)
			.load()
			.migrate();
		Path checkpoints = Files.createTempDirectory("audit-nodes");
		for (int i = 0; i < NODES; i++) {
			var ctx = new AnnotationConfigApplicationContext();
			ctx.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("node",
						Map.of("cpr.crypto.key", KEY, "cpr.audit.checkpoint-dir", checkpoints.toString())));
			ctx.register(Node.class, AuditKeys.class, HashChainedAuditLog.class, ScheduledAnonymousAuditFlush.class,
					AuditCheckpoints.class, AuditChainVerifier.class);
			ctx.refresh();
			nodes.add(ctx);
		}
	}

	@AfterAll
	static void closeNodes() {
		nodes.forEach(AnnotationConfigApplicationContext::close);
	}

	@Test
	void concurrentAppendsAndFlushesFromSeveralNodesFormOneGaplessIntactChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(NODES * (THREADS_PER_NODE + 1));
		List<Future<?>> done = new ArrayList<>();
		ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
		AtomicInteger identified = new AtomicInteger();
		AtomicInteger anonymous = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch writersDone = new CountDownLatch(NODES * THREADS_PER_NODE);
		for (AnnotationConfigApplicationContext node : nodes) {
			AuditPort port = node.getBean(AuditPort.class);
			TransactionTemplate tx = node.getBean(TransactionTemplate.class);
			ScheduledAnonymousAuditFlush flush = node.getBean(ScheduledAnonymousAuditFlush.class);
			for (int t = 0; t < THREADS_PER_NODE; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					try {
						start.await();
						for (int i = 0; i < APPENDS_PER_THREAD; i++) {
							AuditEntry e = new AuditEntry(null, "NODES_APPEND", "x", thread + "-" + i, null, null,
									AuditEntry.Outcome.SUCCESS, null);
							if (i % 3 == 0) {
								port.recordAnonymousChannel(e);
								anonymous.incrementAndGet();
							}
							else if (i % 3 == 1) {
								tx.executeWithoutResult(s -> port.record(e)); // inside a
																				// request's
																				// transaction
								identified.incrementAndGet();
							}
							else {
								port.record(e); // its own transaction
								identified.incrementAndGet();
							}
						}
					}
					catch (Throwable e) {
						errors.add(e);
					}
					finally {
						writersDone.countDown();
					}
					return null;
				}));
			}
			done.add(pool.submit(() -> {
				try {
					start.await();
					while (!writersDone.await(20, TimeUnit.MILLISECONDS)) {
						flush.scheduled(); // as the scheduler calls it
					}
				}
				catch (Throwable e) {
					errors.add(e);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : done) {
			f.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
		nodes.get(0).getBean(AnonymousAuditFlush.class).flush();

		assertThat(errors).as("appends that failed").isEmpty();
		JdbcClient jdbc = nodes.get(0).getBean(JdbcClient.class);
		long total = (long) identified.get() + anonymous.get();
		assertThat(total).isEqualTo((long) NODES * THREADS_PER_NODE * APPENDS_PER_THREAD);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'NODES_APPEND'").query(Long.class).single())
			.isEqualTo(total);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT record_id) FROM audit_log WHERE action = 'NODES_APPEND'")
			.query(Long.class)
			.single()).as("every entry once").isEqualTo((long) THREADS_PER_NODE * APPENDS_PER_THREAD);
		long rows = jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
		assertThat(jdbc.sql("SELECT MIN(seq) FROM audit_log").query(Long.class).single()).isEqualTo(1L);
		assertThat(jdbc.sql("SELECT MAX(seq) FROM audit_log").query(Long.class).single()).as("no gap").isEqualTo(rows);
		ChainVerification v = nodes.get(1).getBean(AuditChainVerifier.class).verify();
		assertThat(v.finding()).as(v.description()).isEqualTo(ChainVerification.Finding.INTACT);
		assertThat(v.rowsChecked()).isEqualTo(rows);
	}

	/** One application node: its own pool, transaction manager and audit beans. */
	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(proxyTargetClass = true)
	static class Node {

		@Bean(destroyMethod = "close")
		HikariDataSource dataSource() {
			HikariConfig c = new HikariConfig();
			c.setJdbcUrl(url);
			c.setUsername(PostgresAvailable.user());
			c.setPassword(PostgresAvailable.password());
			c.setMaximumPoolSize(THREADS_PER_NODE + 1);
			return new HikariDataSource(c);
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource ds) {
			return new DataSourceTransactionManager(ds);
		}

		@Bean
		TransactionTemplate transactionTemplate(PlatformTransactionManager tm) {
			return new TransactionTemplate(tm);
		}

		@Bean
		JdbcClient jdbcClient(DataSource ds) {
			return JdbcClient.create(ds);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
