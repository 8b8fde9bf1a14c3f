package org.cpr.safety.checkin.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the physical traces of <em>when</em> an anonymous check-in row was written off
 * the rows. PostgreSQL stamps every row version with the writing transaction
 * ({@code xmin}) and places it physically ({@code ctid}) in write order; both could be
 * lined up with the exact times of identified rows written around it. Hourly (one node,
 * ShedLock; {@code cpr.checkin.scrub-cron}) this job rewrites, in one transaction and in
 * random order, every anonymous check-in row written or touched since yesterday
 * (accounts, screenings, messages, reveal requests, idempotency keys) and every alert of
 * the channel still open or with a reply waiting: they then all carry the same
 * {@code xmin} and a shuffled physical position. The old row versions are dead and
 * reclaimed by (auto)vacuum.
 */
@Component
class CheckinScrub {

	private final JdbcClient jdbc;

	private final CheckinAccess access;

	private final SecureRandom random = new SecureRandom();

	CheckinScrub(JdbcClient jdbc, CheckinAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Scheduled(cron = "${cpr.checkin.scrub-cron:0 7 * * * *}", zone = "UTC")
	@SchedulerLock(name = "checkin-scrub", lockAtMostFor = "PT10M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	void scheduled() {
		scrub();
	}

	/** Rewrites the recent anonymous rows in random order; returns how many. */
	@Transactional
	public int scrub() {
		Date since = Date.valueOf(access.today().minusDays(1));
		List<Runnable> rewrites = new ArrayList<>();
		collect(rewrites, "SELECT id FROM checkin_account WHERE last_active_on >= ?", since,
				"UPDATE checkin_account SET last_active_on = last_active_on WHERE id = ?");
		collect(rewrites, "SELECT id FROM checkin_submission WHERE submitted_on >= ?", since,
				"UPDATE checkin_submission SET tier = tier WHERE id = ?");
		collect(rewrites, "SELECT id FROM checkin_message WHERE sent_on >= ?", since,
				"UPDATE checkin_message SET author = author WHERE id = ?");
		collect(rewrites, "SELECT id FROM checkin_reveal WHERE requested_on >= ?", since,
				"UPDATE checkin_reveal SET requested_on = requested_on WHERE id = ?");
		collect(rewrites, """
				SELECT id FROM safety_alert WHERE checkin_handle_id IS NOT NULL
				   AND (status <> 'CLOSED' OR reply_waiting = TRUE OR raised_at >= ?)""", since,
				"UPDATE safety_alert SET reply_waiting = reply_waiting WHERE id = ?");
		for (String key : jdbc.sql("SELECT key_hash FROM checkin_idempotency WHERE created_on >= ?")
			.param(since)
			.query(String.class)
			.list()) {
			rewrites.add(() -> jdbc.sql("UPDATE checkin_idempotency SET created_on = created_on WHERE key_hash = ?")
				.param(key)
				.update());
		}
		Collections.shuffle(rewrites, random);
		rewrites.forEach(Runnable::run);
		return rewrites.size();
	}

	private void collect(List<Runnable> into, String select, Date since, String update) {
		for (UUID id : jdbc.sql(select).param(since).query(UUID.class).list()) {
			into.add(() -> jdbc.sql(update).param(id).update());
		}
	}

}
