package org.cpr.safety.internal;

import java.time.Duration;
import java.util.Map;

import org.cpr.safety.AlertTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Acknowledgement deadlines per tier, set by clinical leadership
 * ({@code cpr.safety.ack-within.*}). Defaults: tier 1 within 1 hour, tier 2 within 24
 * hours, tier 3 within 48 hours (the ISP window).
 */
@ConfigurationProperties("cpr.safety")
record AlertPolicy(Map<AlertTier, Duration> ackWithin) {

	static final Map<AlertTier, Duration> DEFAULTS = Map.of(AlertTier.TIER_1, Duration.ofHours(1), AlertTier.TIER_2,
			Duration.ofHours(24), AlertTier.TIER_3, Duration.ofHours(48));

	AlertPolicy {
		ackWithin = ackWithin == null ? DEFAULTS : Map.copyOf(ackWithin);
	}

	Duration deadlineFor(AlertTier tier) {
		return ackWithin.getOrDefault(tier, DEFAULTS.get(tier));
	}
}
