package org.cpr.audit.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.audit.AnonymousAuditFlush;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the waiting anonymous-channel audit entries into the hash chain: all of them in
 * one transaction, in random order, each stamped with the start of its day (UTC). Runs
 * hourly on one node ({@code cpr.audit.anonymous-flush-cron}), so an entry's place in the
 * chain says only "some time before this flush" and its stored time says only the day.
 */
@Component("anonymousAuditFlush")
class ScheduledAnonymousAuditFlush implements AnonymousAuditFlush {

	private final JdbcClient jdbc;

	private final HashChainedAuditLog chain;

	private final TransactionTemplate tx;

	private final SecureRandom random = new SecureRandom();

	ScheduledAnonymousAuditFlush(JdbcClient jdbc, HashChainedAuditLog chain, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.tx = tx;
	}

	@Scheduled(cron = "${cpr.audit.anonymous-flush-cron:0 7 * * * *}", zone = "UTC")
	@SchedulerLock(name = "audit-anonymous-flush", lockAtMostFor = "PT10M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	void scheduled() {
		flush();
	}

	/**
	 * Appends every waiting entry in one transaction (its own, or the caller's); returns
	 * how many. The transaction is opened here, not by an annotation: the scheduler calls
	 * {@link #scheduled()}, whose call to this method would bypass a proxy, and the chain
	 * lock would then be released before the appends (two nodes appended the same
	 * sequence number that way).
	 */
	@Override
	public int flush() {
		Integer flushed = tx.execute(s -> flushLocked());
		return flushed == null ? 0 : flushed;
	}

	private int flushLocked() {
		chain.lockChain();
		List<Pending> pending = new ArrayList<>(jdbc.sql("""
				SELECT id, occurred_on, actor_id, action, record_type, record_id, subject_id, purpose, outcome, detail
				FROM audit_pending""")
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
					new AuditEntry(person(rs.getObject(3, UUID.class)), rs.getString(4), rs.getString(5),
							rs.getString(6), person(rs.getObject(7, UUID.class)), rs.getString(8),
							AuditEntry.Outcome.valueOf(rs.getString(9)), rs.getString(10))))
			.list());
		Collections.shuffle(pending, random);
		for (Pending p : pending) {
			chain.append(p.entry(), p.on().atStartOfDay(ZoneOffset.UTC).toInstant());
			jdbc.sql("DELETE FROM audit_pending WHERE id = ?").param(p.id()).update();
		}
		return pending.size();
	}

	private static PersonId person(UUID id) {
		return id == null ? null : new PersonId(id);
	}

	private record Pending(UUID id, LocalDate on, AuditEntry entry) {
	}

}
