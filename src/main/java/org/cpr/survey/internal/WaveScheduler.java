package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the campaigns' schedules: when a wave opens, newcomers in the audience join the
 * roster and everyone is invited; three days before it closes, those who have not
 * answered are reminded once. Also purges idempotency keys older than 30 days (they only
 * guard against retries) and releases pooled anonymous answers of closed waves
 * ({@link AnonymousResponsePool}). Runs on the injected clock, under a ShedLock lock, so
 * a restart or a second node neither skips nor repeats.
 */
@Component
class WaveScheduler {

	static final int REMIND_DAYS_BEFORE_CLOSE = 3;
	static final int IDEMPOTENCY_KEEP_DAYS = 30;

	private final JdbcTemplate jdbc;

	private final CampaignService campaigns;

	private final InvitationService invitations;

	private final IdentityAudience audience;

	private final Clock clock;

	private final AnonymousResponsePool pool;

	private final SubmissionService submissions;

	WaveScheduler(JdbcTemplate jdbc, CampaignService campaigns, InvitationService invitations,
			IdentityAudience audience, Clock clock, AnonymousResponsePool pool, SubmissionService submissions) {
		this.pool = pool;
		this.submissions = submissions;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.invitations = invitations;
		this.audience = audience;
		this.clock = clock;
	}

	@Scheduled(cron = "${cpr.survey.scheduler-cron:0 5 * * * *}")
	@SchedulerLock(name = "survey-wave-scheduler", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	public void runHourly() {
		run();
	}

	record Result(int invited, int reminded, int purged, int released) {
	}

	Result run() {
		LocalDate today = LocalDate.now(clock);
		int invited = 0;
		int reminded = 0;
		List<UUID> opening = jdbc
			.queryForList("SELECT w.id FROM survey_wave w JOIN survey_campaign c ON c.id = w.campaign_id"
					+ " WHERE c.status = 'LAUNCHED' AND w.invited_on IS NULL AND w.opens_on <= ? AND w.closes_on >= ?",
					UUID.class, today, today);
		for (UUID wave : opening) {
			campaigns.campaignOfWave(wave).ifPresent(c -> campaigns.refreshRoster(c, audience));
			invited += invitations.invite(wave);
			campaigns.markInvited(wave);
		}
		List<UUID> closing = jdbc
			.queryForList("SELECT w.id FROM survey_wave w JOIN survey_campaign c ON c.id = w.campaign_id"
					+ " WHERE c.status = 'LAUNCHED' AND w.reminded_on IS NULL AND w.invited_on IS NOT NULL AND w.closes_on >= ?"
					+ " AND w.closes_on <= ?", UUID.class, today, today.plusDays(REMIND_DAYS_BEFORE_CLOSE));
		for (UUID wave : closing) {
			reminded += invitations.remind(wave);
			campaigns.markReminded(wave);
		}
		int purged = submissions.purgeIdempotencyKeys(today.minusDays(IDEMPOTENCY_KEEP_DAYS));
		int released = 0;
		for (UUID wave : pool.wavesWithPendingAnswers()) {
			// A closed wave releases its remainder; an open one catches up a move that
			// failed after a submission.
			int closed = pool.flushClosed(wave);
			released += closed > 0 ? closed : pool.flushIfDue(wave);
		}
		return new Result(invited, reminded, purged, released);
	}

}
