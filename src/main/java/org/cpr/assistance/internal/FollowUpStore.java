package org.cpr.assistance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cpr.safety.SafetyAlertRaised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;

/**
 * Safety alerts and contact requests (the safety module raises both as
 * {@link SafetyAlertRaised}) waiting for a follow-up here: only the alert id and tier are
 * kept; the alert itself is read through the safety module, which audits each look.
 * Redelivery is harmless (one row per alert).
 */
@Repository
class FollowUpStore {

	/** A pending follow-up. */
	public record Pending(UUID alertId, String tier, Instant receivedAt, UUID episodeId) {
	}

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	FollowUpStore(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SafetyAlertRaised event) {
		jdbc.sql("INSERT INTO assist_alert_followup (alert_id, tier, received_at) SELECT ?, ?, ? WHERE NOT EXISTS "
				+ "(SELECT 1 FROM assist_alert_followup WHERE alert_id = ?)")
			.params(event.alertId(), event.tier().name(), Timestamp.from(clock.instant()), event.alertId())
			.update();
	}

	/** Alerts not yet turned into an episode, newest first. */
	public List<Pending> pending() {
		return jdbc
			.sql("SELECT alert_id, tier, received_at, episode_id FROM assist_alert_followup WHERE episode_id IS NULL "
					+ "ORDER BY received_at DESC FETCH FIRST 100 ROWS ONLY")
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getObject(4, UUID.class)))
			.list();
	}

	public void linked(UUID alert, UUID episode) {
		int updated = jdbc.sql("UPDATE assist_alert_followup SET episode_id = ? WHERE alert_id = ?")
			.params(episode, alert)
			.update();
		if (updated == 0) {
			jdbc.sql(
					"INSERT INTO assist_alert_followup (alert_id, tier, received_at, episode_id) VALUES (?, 'UNKNOWN', ?, ?)")
				.params(alert, Timestamp.from(clock.instant()), episode)
				.update();
		}
	}

}
