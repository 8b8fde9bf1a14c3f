package org.cpr.safety.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start when a safety alert could reach nobody: neither an on-call
 * rota entry (data, so checked once Flyway has migrated, as the first application runner)
 * nor a monitored safety mailbox ({@code cpr.safety.mailbox}). The one-line reason is
 * given by {@link NoAlertChannelAnalyzer}.
 */
@Component
@Profile("prod")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertChannelGuard implements ApplicationRunner {

	private final OnCallRota rota;

	private final String mailbox;

	AlertChannelGuard(OnCallRota rota, @Value("${cpr.safety.mailbox:}") String mailbox) {
		this.rota = rota;
		this.mailbox = mailbox;
	}

	@Override
	public void run(ApplicationArguments args) {
		check();
	}

	void check() {
		if ((mailbox == null || mailbox.isBlank()) && rota.ladder().isEmpty()) {
			throw new NoAlertChannelException();
		}
	}

}
