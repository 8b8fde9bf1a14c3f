package org.cpr.safety.internal;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.cpr.safety.AlertTier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Safety alerts as Prometheus gauges, counted in the database at scrape time so every
 * node reports the cluster's truth: {@code cpr_safety_alerts_open{tier}} and
 * {@code cpr_safety_alerts_overdue} (open past the acknowledgement deadline;
 * deploy/prometheus/cpr-alerts.yml pages on it). Counts only, no ids.
 */
@Component
class SafetyMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	SafetyMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (AlertTier tier : AlertTier.values()) {
			Gauge.builder("cpr.safety.alerts.open", () -> open(tier))
				.tag("tier", tier.name())
				.description("safety alerts not yet acknowledged")
				.register(registry);
		}
		Gauge.builder("cpr.safety.alerts.overdue", this::overdue)
			.description("open safety alerts past their acknowledgement deadline")
			.register(registry);
	}

	private double open(AlertTier tier) {
		try {
			return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE status = 'OPEN' AND tier = :tier")
				.param("tier", tier.name())
				.query(Long.class)
				.single();
		}
		catch (RuntimeException databaseDown) {
			return Double.NaN;
		}
	}

	private double overdue() {
		try {
			return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE status = 'OPEN' AND ack_deadline < :now")
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (RuntimeException databaseDown) {
			return Double.NaN;
		}
	}

}
