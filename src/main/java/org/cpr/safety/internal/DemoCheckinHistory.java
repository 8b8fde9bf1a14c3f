package org.cpr.safety.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.safety.AlertTier;
import org.cpr.safety.Disposition;
import org.cpr.safety.RiskLevel;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.cpr.safety.checkin.CheckinInstruments;
import org.cpr.safety.checkin.CheckinService;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Demo history only ({@code cpr.demo.history}): one handled anonymous check-in dialogue.
 * A person checked in under a handle three weeks ago (moderate depression screen, no
 * item-9 answer: a tier-2 alert), the on-call clinician acknowledged it, replied, the
 * person wrote back, the clinician answered and closed the alert. All through the
 * check-in service and the alert lifecycle at earlier instants. The handle and passphrase
 * are in the README, so an evaluator can open the person's side too.
 */
@Component
@Order(140)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoCheckinHistory implements org.springframework.boot.ApplicationRunner {

	static final String HANDLE = "night-owl-demo";

	static final String PASSPHRASE = "demo resilience check-in 2026";

	private final CheckinService checkins;

	private final CheckinInstruments instruments;

	private final SafetyAlerts alerts;

	private final IdentityManagement identity;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	DemoCheckinHistory(CheckinService checkins, CheckinInstruments instruments, SafetyAlerts alerts,
			IdentityManagement identity, JdbcClient jdbc, PlatformTransactionManager txm, Clock clock) {
		this.checkins = checkins;
		this.instruments = instruments;
		this.alerts = alerts;
		this.identity = identity;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(txm);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		var clinician = identity.byUsername(DemoOnCallSeeder.DEMO_CLINICIAN);
		if (!(clock instanceof BackdatingClock past) || clinician.isEmpty() || seededBefore()) {
			return;
		}
		PersonId counselor = clinician.get().id();
		LocalDate today = LocalDate.now(clock);
		var answers = new LinkedMultiValueMap<String, String>();
		int[] phq9 = { 2, 2, 2, 1, 1, 2, 1, 0, 0, 1 };
		for (int i = 0; i < phq9.length; i++) {
			answers.add("phq9_" + (i + 1), Integer.toString(phq9[i]));
		}
		int[] gad7 = { 1, 1, 2, 1, 1, 1, 1, 1 };
		for (int i = 0; i < gad7.length; i++) {
			answers.add("gad7_" + (i + 1), Integer.toString(gad7[i]));
		}
		answers.add("pcptsd5_exposure", "false");
		answers.add("burnout_1", "3");
		var outcome = instruments.score(answers);
		if (!outcome.valid()) {
			throw new IllegalStateException("demo check-in answers invalid: " + outcome.errors().keySet());
		}
		// the screening and its alert in one transaction: the listener that would raise
		// the
		// alert later finds it raised (at the check-in's day)
		UUID submission = past.at(at(today.minusDays(20), 8), () -> tx.execute(s -> {
			checkins.submit(HANDLE, PASSPHRASE, null, "demo-history-checkin", outcome);
			UUID account = checkins.signIn(HANDLE, PASSPHRASE).orElseThrow();
			var row = jdbc.sql("SELECT id, tier, reasons FROM checkin_submission WHERE account_id = ?")
				.param(account)
				.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3) })
				.single();
			UUID id = (UUID) row[0];
			alerts.raise(new SafetyConcern("checkin", id.toString(), null, account, AlertTier.valueOf((String) row[1]),
					Set.copyOf(Arrays.asList(((String) row[2]).split(",")))));
			return id;
		}));
		UUID alert = new SafetyConcern("checkin", submission.toString(), null, null, AlertTier.TIER_2, Set.of())
			.alertId();
		UUID account = checkins.signIn(HANDLE, PASSPHRASE).orElseThrow();
		past.run(at(today.minusDays(20), 10), () -> alerts.acknowledge(alert, counselor));
		past.run(at(today.minusDays(20), 11), () -> checkins.clinicianReplies(submission, counselor,
				"Thank you for checking in. Several of your answers suggest the last weeks have been heavy. "
						+ "Would it help to talk? You can stay anonymous; I can also suggest a time for a confidential call."));
		past.run(at(today.minusDays(19), 21), () -> checkins.participantWrites(account,
				"Thanks. Nights have been rough and I am not sleeping. I would like to talk but I cannot take time off during the day."));
		past.run(at(today.minusDays(18), 9), () -> checkins.clinicianReplies(submission, counselor,
				"That makes sense. The counseling center has evening slots on Tuesdays and Thursdays, and the on-call line is open 24/7. "
						+ "If you choose \"reveal myself\" I can book one for you."));
		past.run(at(today.minusDays(18), 9).plusSeconds(600), () -> alerts.recordDisposition(alert, counselor,
				Disposition.ANONYMOUS_REPLY_SENT, RiskLevel.MODERATE, null));
	}

	/**
	 * Whether an earlier start seeded the dialogue: its alert is there. Not by signing in
	 * with the demo handle, as before: every sign-in counts against the handle's
	 * throttle, so after a few restarts of the same demo database the check was refused
	 * and the start-up failed.
	 */
	private boolean seededBefore() {
		return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE source_type = 'checkin'")
			.query(Long.class)
			.single() > 0;
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

}
