package org.cpr.safety.drill;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyConcern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only (profile {@code reliability-drill}, test class path only): a critical
 * check-in submission without the Argon2 cost, written exactly as
 * {@code CheckinService.submit} writes it — account and screening rows plus the
 * {@link SafetyConcern} in one transaction, once per idempotency key — so
 * {@code CheckinReliabilityIT} can send 1,000 of them while killing the JVM.
 */
@Configuration(proxyBeanMethods = false)
@Profile("reliability-drill")
class ReliabilityDrill {

	@Bean
	@Order(-10)
	SecurityFilterChain drillChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/drill/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable());
		return http.build();
	}

	@Service
	@Profile("reliability-drill")
	static class DrillSubmissions {

		private final JdbcClient jdbc;

		private final ApplicationEventPublisher events;

		private final Clock clock;

		DrillSubmissions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
			this.jdbc = jdbc;
			this.events = events;
			this.clock = clock;
		}

		@Transactional
		public boolean submit(String key) {
			String keyHash = "drill:" + key;
			if (jdbc.sql("SELECT COUNT(*) FROM checkin_submission WHERE key_hash = ?")
				.param(keyHash)
				.query(Integer.class)
				.single() > 0) {
				return false;
			}
			LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
			UUID account = UUID.randomUUID();
			UUID id = UUID.randomUUID();
			SafetyConcern concern = new SafetyConcern("checkin", id.toString(), null, account, AlertTier.TIER_1,
					Set.of("CHECKIN", "PHQ9_ITEM9"));
			jdbc.sql(
					"INSERT INTO checkin_account (id, handle_hash, passphrase_hash, created_on, last_active_on) VALUES (?, ?, 'x', ?, ?)")
				.params(account, "drill-" + key, Date.valueOf(today), Date.valueOf(today))
				.update();
			jdbc.sql(
					"""
							INSERT INTO checkin_submission (id, account_id, alert_id, key_hash, submitted_on, tier, phq9_total, phq9_item9,
							    gad7_total, pcptsd5_score, burnout_option, reasons, answers_sealed)
							VALUES (?, ?, ?, ?, ?, 'TIER_1', 12, 2, 8, 0, 3, 'CHECKIN,PHQ9_ITEM9', 'none')""")
				.params(id, account, concern.alertId(), keyHash, Date.valueOf(today))
				.update();
			events.publishEvent(concern);
			return true;
		}

	}

	@RestController
	@Profile("reliability-drill")
	static class DrillEndpoint {

		private final DrillSubmissions submissions;

		DrillEndpoint(DrillSubmissions submissions) {
			this.submissions = submissions;
		}

		@PostMapping("/drill/checkins")
		String submit(@RequestParam String key) {
			try {
				return submissions.submit(key) ? "created" : "replayed";
			}
			catch (DuplicateKeyException concurrentRetry) {
				return "replayed";
			}
		}

	}

}
