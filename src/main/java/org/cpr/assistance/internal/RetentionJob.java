package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes episodes closed longer ago than {@code cpr.assistance.retention} (an ISO
 * period, default P7Y: set it to the institution's record-retention rule for counseling
 * records) with their notes, measures, referrals, appointments, grants and accepted
 * steps. Open episodes are never deleted. Runs nightly on one node (ShedLock); each
 * deletion is audited with the episode id only.
 */
@Component
class RetentionJob {

	private final EpisodeStore episodes;

	private final EnvelopeCipher cipher;

	private final AuditPort audit;

	private final Clock clock;

	private final Period retention;

	RetentionJob(EpisodeStore episodes, EnvelopeCipher cipher, AuditPort audit, Clock clock,
			@Value("${cpr.assistance.retention:P7Y}") Period retention) {
		this.episodes = episodes;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(cron = "${cpr.assistance.retention-cron:0 30 3 * * *}")
	@SchedulerLock(name = "assistance-retention", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	public void scheduled() {
		purge();
	}

	/** Deletes every episode past retention; returns how many. */
	@Transactional
	public int purge() {
		var cutoff = clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant();
		List<UUID> due = episodes.closedBefore(cutoff);
		for (UUID id : due) {
			episodes.delete(id);
			audit.record(AuditEntry.system("ASSIST_EPISODE_DELETED", "assist_episode", id.toString(), "retention"));
		}
		if (!due.isEmpty()) {
			cipher.forgetKeys();
		}
		return due.size();
	}

}
