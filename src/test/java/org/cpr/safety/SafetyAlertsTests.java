package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cpr.shared.PersonId;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alerts, escalation and the on-call ladder. Every test deletes all alerts and sets a
 * ladder of its own, so the class has a database of its own
 * ({@code cpr.test.isolated-context}) and leaves nothing to the shared contexts.
 */
@SpringBootTest(properties = "cpr.test.isolated-context=safety-alerts")
@Import(MutableClockConfiguration.class)
class SafetyAlertsTests {

	@Autowired
	SafetyAlerts alerts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	final PersonId primary = new PersonId(UUID.randomUUID());

	final PersonId backup = new PersonId(UUID.randomUUID());

	@BeforeEach
	void clean() {
		jdbc.sql("DELETE FROM safety_alert").update();
		alerts.replaceOnCallLadder(List.of(primary, backup));
	}

	static SafetyConcern concern(String source, AlertTier tier) {
		return new SafetyConcern("survey-response", source, new PersonId(UUID.randomUUID()), null, tier,
				Set.of("PHQ9_ITEM9"));
	}

	int alertCount() {
		return jdbc.sql("SELECT COUNT(*) FROM safety_alert").query(Integer.class).single();
	}

	@Test
	void theSameConcernReportedTwiceMakesOneAlert() {
		SafetyConcern c = concern("r-1", AlertTier.TIER_1);
		UUID first = alerts.raise(c);
		UUID second = alerts.raise(c);
		assertThat(second).isEqualTo(first);
		assertThat(alertCount()).isEqualTo(1);
	}

	@Test
	void concurrentDeliveriesOfOneConcernMakeOneAlert() throws Exception {
		SafetyConcern c = concern("r-concurrent", AlertTier.TIER_1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Object>> tasks = java.util.Collections.nCopies(8, () -> {
				try {
					return alerts.raise(c);
				}
				catch (RuntimeException duplicateLostTheRace) {
					return duplicateLostTheRace;
				}
			});
			pool.invokeAll(tasks);
		}
		finally {
			pool.shutdown();
		}
		assertThat(alertCount()).isEqualTo(1);
	}

	@Test
	void unacknowledgedTier1AlertEscalatesToTheBackupAtItsDeadline() {
		UUID id = alerts.raise(concern("r-2", AlertTier.TIER_1));
		assertThat(alerts.open(id, primary).orElseThrow().assignedTo()).isEqualTo(primary);

		clock.advance(Duration.ofMinutes(59));
		assertThat(alerts.escalateOverdue()).isZero();

		clock.advance(Duration.ofMinutes(2));
		assertThat(alerts.escalateOverdue()).isEqualTo(1);
		AlertView escalated = alerts.open(id, backup).orElseThrow();
		assertThat(escalated.assignedTo()).isEqualTo(backup);
		assertThat(escalated.escalationLevel()).isEqualTo(1);
		assertThat(escalated.overdue()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SAFETY_ALERT_ESCALATED' AND record_id = ?")
			.param(id.toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void acknowledgedAlertDoesNotEscalate() {
		UUID id = alerts.raise(concern("r-3", AlertTier.TIER_1));
		assertThat(alerts.acknowledge(id, primary)).isTrue();
		clock.advance(Duration.ofHours(3));
		assertThat(alerts.escalateOverdue()).isZero();
		assertThat(alerts.open(id, primary).orElseThrow().status()).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void tier3AlertWaitsForTheIspWindow() {
		UUID id = alerts.raise(concern("r-4", AlertTier.TIER_3));
		clock.advance(Duration.ofHours(47));
		assertThat(alerts.escalateOverdue()).isZero();
		clock.advance(Duration.ofHours(2));
		assertThat(alerts.escalateOverdue()).isEqualTo(1);
		assertThat(alerts.open(id, primary).orElseThrow().escalationLevel()).isEqualTo(1);
	}

	@Test
	void anAlertClosesOnlyWithADisposition() {
		UUID id = alerts.raise(concern("r-5", AlertTier.TIER_2));
		assertThat(alerts.recordDisposition(id, primary, Disposition.UNABLE_TO_REACH_RETRY_SCHEDULED,
				RiskLevel.NOT_ASSESSED, null))
			.as("unable to reach needs the next attempt date")
			.isFalse();
		assertThat(alerts.recordDisposition(id, primary, Disposition.UNABLE_TO_REACH_RETRY_SCHEDULED,
				RiskLevel.NOT_ASSESSED, LocalDate.of(2026, 3, 3)))
			.isTrue();
		assertThat(alerts.open(id, primary).orElseThrow().status()).as("a retry keeps it open")
			.isEqualTo("ACKNOWLEDGED");

		assertThat(alerts.recordDisposition(id, primary, Disposition.CONTACTED_AND_ASSESSED, RiskLevel.LOW, null))
			.isTrue();
		AlertView closed = alerts.open(id, primary).orElseThrow();
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.disposition()).isEqualTo(Disposition.CONTACTED_AND_ASSESSED);
		assertThat(alerts.inbox(primary)).extracting(AlertView::id).doesNotContain(id);
	}

	@Test
	void aContactRequestJoinsThePseudonymousAlertAndReopensItIfItWasHandled() {
		SafetyConcern review = new SafetyConcern("snapshot", "s-7", null, null, AlertTier.TIER_2, Set.of("PHQ9_ITEM9"));
		UUID id = alerts.raise(review);
		assertThat(alerts.recordDisposition(id, primary, Disposition.CONTACTED_AND_ASSESSED, RiskLevel.LOW, null))
			.isTrue();
		PersonId person = new PersonId(UUID.randomUUID());
		UUID again = alerts.raise(new SafetyConcern("snapshot", "s-7", person, null, AlertTier.TIER_2,
				Set.of("PHQ9_ITEM9", "CONTACT_REQUESTED")));
		assertThat(again).isEqualTo(id);
		AlertView alert = alerts.open(id, primary).orElseThrow();
		assertThat(alert.person()).isEqualTo(person);
		assertThat(alert.status()).isEqualTo("OPEN");
		assertThat(alerts.inbox(primary)).extracting(AlertView::id).contains(id);
		// A second request changes nothing.
		alerts.raise(new SafetyConcern("snapshot", "s-7", new PersonId(UUID.randomUUID()), null, AlertTier.TIER_2,
				Set.of()));
		assertThat(alerts.open(id, primary).orElseThrow().person()).isEqualTo(person);
	}

	@Test
	void escalationPastTheLadderStaysVisibleAndUnassigned() {
		UUID id = alerts.raise(concern("r-6", AlertTier.TIER_1));
		clock.advance(Duration.ofMinutes(61));
		alerts.escalateOverdue();
		clock.advance(Duration.ofMinutes(61));
		alerts.escalateOverdue();
		AlertView alert = alerts.open(id, primary).orElseThrow();
		assertThat(alert.escalationLevel()).isEqualTo(2);
		assertThat(alert.assignedTo()).isNull();
		assertThat(alerts.inbox(primary)).extracting(AlertView::id).contains(id);
	}

}
