package org.cpr.safety.internal;

import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The one way other modules raise an alert: they publish a {@link SafetyConcern} inside
 * their own transaction. Spring Modulith's event publication registry stores the
 * publication with that commit and redelivers it after a crash
 * (republish-outstanding-events-on-restart, and {@link SafetyRedelivery} while running),
 * and the alert id is derived from the source, so a redelivery finds the alert already
 * there: every committed concern becomes exactly one alert.
 * <p>
 * Each attempt runs in its own transaction: a conflict with a concurrent writer (the same
 * concern delivered twice, or another audit entry taking the same place in the hash
 * chain) is retried a few times here instead of leaving the publication failed until the
 * next resubmission. The retry advice ({@link Retryable}, enabled by
 * {@link SafetyResilience}) sits inside the listener's asynchronous hand-off, so every
 * attempt runs on the listener thread; the short, jittered and growing pause keeps two
 * racing deliveries from colliding again. After the last attempt the conflict propagates
 * and the publication stays incomplete for redelivery.
 */
@Component
class SafetyConcernListener {

	/** Attempts in all: the first delivery and up to five retries. */
	static final int ATTEMPTS = 6;

	private final SafetyAlerts alerts;

	SafetyConcernListener(SafetyAlerts alerts) {
		this.alerts = alerts;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Retryable(includes = { DataIntegrityViolationException.class, TransientDataAccessException.class,
			// raised at commit, a duplicate insert reaches here untranslated (two
			// concerns about one
			// source racing: the second must retry, find the alert and add to it, not
			// wait for redelivery)
			org.hibernate.exception.ConstraintViolationException.class,
			org.hibernate.exception.LockAcquisitionException.class, jakarta.persistence.OptimisticLockException.class },
			maxRetries = ATTEMPTS - 1, delay = 20, jitter = 15, multiplier = 2, maxDelay = 200)
	void on(SafetyConcern concern) {
		alerts.raise(concern);
	}

}
