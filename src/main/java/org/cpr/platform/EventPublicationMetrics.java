package org.cpr.platform;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry (outbox) as gauges, from the database so every node
 * reports the same: {@code cpr_events_outstanding} (incomplete publications) and
 * {@code cpr_events_outstanding_oldest_seconds} (age of the oldest;
 * deploy/prometheus/cpr-alerts.yml warns when publications are stuck).
 */
@Component
class EventPublicationMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	EventPublicationMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("cpr.events.outstanding", this::outstanding)
			.description("event publications not yet completed by their listener")
			.register(registry);
		Gauge.builder("cpr.events.outstanding.oldest.seconds", this::oldestAge)
			.description("age of the oldest incomplete event publication (0 when none)")
			.register(registry);
	}

	private double outstanding() {
		try {
			return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single();
		}
		catch (RuntimeException databaseDown) {
			return Double.NaN;
		}
	}

	private double oldestAge() {
		try {
			java.sql.Timestamp oldest = jdbc
				.sql("SELECT MIN(publication_date) FROM event_publication WHERE completion_date IS NULL")
				.query((rs, row) -> rs.getTimestamp(1))
				.single();
			return oldest == null ? 0
					: Math.max(0, clock.instant().getEpochSecond() - oldest.toInstant().getEpochSecond());
		}
		catch (RuntimeException databaseDown) {
			return Double.NaN;
		}
	}

}
