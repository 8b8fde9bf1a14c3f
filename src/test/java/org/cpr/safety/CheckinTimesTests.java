package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.safety.CheckinFixtures.checkin;
import static org.cpr.safety.CheckinFixtures.handle;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.audit.AnonymousAuditFlush;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An alert raised from an anonymous check-in keeps no precise moment anywhere: not in the
 * alert, not in the audit log, not on the clinician's page (I-8, I-9), and its deadline
 * still holds (rounded earlier, never later).
 */
@SpringBootTest(properties = "cpr.test.isolated-context=checkin-times")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class CheckinTimesTests {

	/**
	 * A Wednesday, mid-morning, to the microsecond: what a sign-in log would be matched
	 * against.
	 */
	static final Instant MOMENT = Instant.parse("2026-03-04T10:17:23.456789Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SafetyAlerts alerts;

	@Autowired
	AnonymousAuditFlush flush;

	@Test
	void aCheckinAlertIsStoredShownAndAuditedWithCoarseTimesOnlyAndStillEscalatesInTime(CapturedOutput output)
			throws Exception {
		clock.set(MOMENT);
		String handle = handle();
		mvc.perform(checkin(handle, 3, 2, 2, false, 5)).andExpect(status().isOk());
		UUID submission = jdbc
			.sql("SELECT s.id FROM checkin_submission s JOIN checkin_account a ON a.id = s.account_id "
					+ "WHERE a.handle_hash = ?")
			.param(CheckinWebTests.hash(handle))
			.query(UUID.class)
			.single();
		CheckinWebTests.eventually(() -> jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE source_id = ?")
			.param(submission.toString())
			.query(Integer.class)
			.single());
		Map<String, Object> alert = jdbc.sql("SELECT * FROM safety_alert WHERE source_id = ?")
			.param(submission.toString())
			.query()
			.singleRow();
		UUID alertId = (UUID) alert.get("id");

		// stored: the day, and a deadline rounded to the hour, earlier than the SLA
		assertThat(instant(alert.get("raised_at"))).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
		Instant deadline = instant(alert.get("ack_deadline"));
		assertThat(deadline).isEqualTo(Instant.parse("2026-03-04T11:00:00Z"));
		assertThat(deadline).isBeforeOrEqualTo(MOMENT.plus(Duration.ofHours(1)));

		// audited: nothing in the chain yet; after the flush only the day
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE record_id = ?")
			.param(alertId.toString())
			.query(Integer.class)
			.single()).isZero();
		flush.flush();
		List<Instant> audited = jdbc.sql("SELECT occurred_at FROM audit_log WHERE record_id = ?")
			.param(alertId.toString())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
		assertThat(audited).isNotEmpty().allMatch(t -> t.equals(Instant.parse("2026-03-04T00:00:00Z")));

		// no timestamp anywhere about this alert or check-in lies within the hour of the
		// moment
		List<Instant> every = new ArrayList<>();
		for (Object v : alert.values()) {
			if (v instanceof Timestamp || v instanceof OffsetDateTime) {
				every.add(instant(v));
			}
		}
		every.addAll(audited);
		assertThat(every).noneMatch(t -> !t.isBefore(Instant.parse("2026-03-04T10:00:00Z"))
				&& t.isBefore(Instant.parse("2026-03-04T11:00:00Z")));

		// shown: "Today", no time of day
		String page = mvc.perform(get("/clinician/alerts/" + alertId).with(signedIn(as(Role.RESILIENCE_CLINICIAN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Today").doesNotContain("10:17").doesNotContain("2026-03-04 10:");

		// logged: never the alert's or the check-in's id next to a log line's exact time
		// (I-9)
		assertThat(output.getAll()).doesNotContain(alertId.toString()).doesNotContain(submission.toString());

		// the deadline works: overdue before the exact SLA would have passed, never after
		clock.set(Instant.parse("2026-03-04T11:00:30Z"));
		alerts.escalateOverdue(); // (the scheduled job may have done it already)
		assertThat(jdbc.sql("SELECT escalation_level FROM safety_alert WHERE id = ?")
			.param(alertId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private static Instant instant(Object v) {
		return v instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) v).toInstant();
	}

}
