package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.cpr.directory.DirectoryReviewDue;
import org.cpr.identity.IdentityManagement;
import org.cpr.support.MailTest;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a crash, what the outbox holds undelivered is delivered again, once, by one node.
 * A real listener of the application (the directory review e-mail) fails while the mail
 * server is down, so its publication stays incomplete, as when a node dies mid-delivery.
 * A fresh publication is left alone (another node may still be delivering it). While
 * another node holds the job's cluster lock (its row in {@code shedlock}, database time),
 * this node's tick delivers nothing; once that lock has expired, two nodes' ticks at the
 * same instant deliver the e-mail once and complete the publication. Without the job's
 * {@code @SchedulerLock} the tick during the other node's lock delivers, and this fails.
 * <p>
 * Same configuration as the other mail tests, so it shares their application context.
 */
@MailTest
class EventResubmissionTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	OutstandingEventResubmission job;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Test
	void anIncompletePublicationIsDeliveredAgainByExactlyOneNode() throws Exception {
		var owner = identity.byUsername("admin").orElseThrow();
		UUID service = UUID.randomUUID();
		String marker = service.toString();
		mail.stop();
		tx.executeWithoutResult(s -> events.publishEvent(new DirectoryReviewDue(service, owner.id(), LocalDate.now())));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "FAILED".equals(status(marker)) || completionAttempts(marker) > 0);
		assertThat(status(marker)).as("the delivery failed and the publication stays incomplete").isNotNull();
		assertThat(incomplete(marker)).isEqualTo(1);

		mail.start();
		job.resubmit();
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailsAbout(marker) == 0);
		assertThat(incomplete(marker)).as("a fresh publication is not resubmitted").isEqualTo(1);

		jdbc.sql("UPDATE event_publication SET publication_date = :old WHERE serialized_event LIKE :marker")
			.param("old", OffsetDateTime.parse("2000-01-01T00:00:00Z"))
			.param("marker", "%" + marker + "%")
			.update();
		// another node is resubmitting: it holds the job's cluster lock, so this node's
		// tick does nothing
		jdbc.sql("UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP + INTERVAL '1' HOUR, locked_by = 'node-b' "
				+ "WHERE name = 'event-resubmission'")
			.update();
		job.resubmit();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailsAbout(marker) == 0);
		assertThat(incomplete(marker)).as("left to the node holding the lock").isEqualTo(1);

		// that node died before delivering; its lock expires, and two nodes tick at the
		// same instant
		jdbc.sql(
				"UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE name = 'event-resubmission'")
			.update();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		List<Future<?>> ticks = new ArrayList<>();
		for (int node = 0; node < 2; node++) {
			ticks.add(nodes.submit(() -> {
				go.await();
				job.resubmit();
				return null;
			}));
		}
		go.countDown();
		for (Future<?> tick : ticks) {
			tick.get(60, TimeUnit.SECONDS);
		}
		nodes.shutdown();

		await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(marker) == 0);
		assertThat(mailsAbout(marker)).as("delivered once, by one node only").isEqualTo(1);
	}

	String status(String marker) {
		return jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE :marker")
			.param("marker", "%" + marker + "%")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	int completionAttempts(String marker) {
		return jdbc.sql(
				"SELECT COALESCE(MAX(completion_attempts), 0) FROM event_publication WHERE serialized_event LIKE :marker")
			.param("marker", "%" + marker + "%")
			.query(Integer.class)
			.single();
	}

	long incomplete(String marker) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :marker AND completion_date IS NULL")
			.param("marker", "%" + marker + "%")
			.query(Long.class)
			.single();
	}

	long mailsAbout(String marker) {
		return List.of(mail.getReceivedMessages()).stream().filter(m -> {
			try {
				return GreenMailUtil.getBody(m).contains(marker);
			}
			catch (RuntimeException e) {
				return false;
			}
		}).count();
	}

}
