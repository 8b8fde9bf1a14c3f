package org.cpr.safety.internal;

import java.util.concurrent.ThreadLocalRandom;

import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The one way other modules raise an alert: they publish a {@link SafetyConcern} inside their own
 * transaction. Spring Modulith's event publication registry stores the publication with that commit
 * and redelivers it after a crash (republish-outstanding-events-on-restart, and
 * {@link SafetyRedelivery} while running), and the alert id is derived from the source, so a
 * redelivery finds the alert already there: every committed concern becomes exactly one alert.
 * <p>
 * Each attempt runs in its own transaction: a conflict with a concurrent writer (the same concern
 * delivered twice, or another audit entry taking the same place in the hash chain) is retried a few
 * times here instead of leaving the publication failed until the next resubmission.
 */
@Component
class SafetyConcernListener {

    static final int ATTEMPTS = 6;

    private final SafetyAlerts alerts;

    SafetyConcernListener(SafetyAlerts alerts) {
        this.alerts = alerts;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SafetyConcern concern) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                alerts.raise(concern);
                return;
            } catch (DataIntegrityViolationException | TransientDataAccessException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 40L * attempt));
            }
        }
    }
}
