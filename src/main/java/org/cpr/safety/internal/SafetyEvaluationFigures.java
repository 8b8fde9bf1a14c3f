package org.cpr.safety.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cpr.evaluation.SafetyProcessFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Alerts by tier and how fast they were acknowledged, for the annual evaluation report
 * (counts and times only).
 */
@Component
class SafetyEvaluationFigures implements SafetyProcessFigures {

	private final JdbcClient jdbc;

	private final Clock clock;

	SafetyEvaluationFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Alert(String tier, Timestamp raised, Timestamp deadline, Timestamp acknowledged) {
	}

	@Override
	public List<TierFigure> figures(LocalDate from, LocalDate toExclusive) {
		Map<String, List<Alert>> byTier = new TreeMap<>();
		jdbc.sql(
				"SELECT tier, raised_at, ack_deadline, acknowledged_at FROM safety_alert WHERE raised_at >= ? AND raised_at < ?")
			.params(start(from), start(toExclusive))
			.query((rs, n) -> new Alert(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getTimestamp(4)))
			.list()
			.forEach(a -> byTier.computeIfAbsent(a.tier(), t -> new ArrayList<>()).add(a));
		List<TierFigure> figures = new ArrayList<>();
		byTier.forEach((tier, alerts) -> {
			List<Double> minutes = alerts.stream()
				.filter(a -> a.acknowledged() != null)
				.map(a -> Duration.between(a.raised().toInstant(), a.acknowledged().toInstant()).toSeconds() / 60.0)
				.sorted()
				.toList();
			long inTime = alerts.stream()
				.filter(a -> a.acknowledged() != null && !a.acknowledged().after(a.deadline()))
				.count();
			Double median = minutes.isEmpty() ? null : minutes.size() % 2 == 1 ? minutes.get(minutes.size() / 2)
					: (minutes.get(minutes.size() / 2 - 1) + minutes.get(minutes.size() / 2)) / 2;
			figures.add(new TierFigure(tier, alerts.size(), inTime, median));
		});
		return figures;
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

}
