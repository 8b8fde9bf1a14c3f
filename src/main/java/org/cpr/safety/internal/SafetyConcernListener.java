package org.cpr.safety.internal;

import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one way other modules raise an alert: they publish a {@link SafetyConcern} inside their own
 * transaction. Spring Modulith's event publication registry stores the publication with that commit
 * and redelivers it after a crash (republish-outstanding-events-on-restart), and the alert id is
 * derived from the source, so a redelivery finds the alert already there: every committed concern
 * becomes exactly one alert.
 */
@Component
class SafetyConcernListener {

    private final SafetyAlerts alerts;

    SafetyConcernListener(SafetyAlerts alerts) {
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(SafetyConcern concern) {
        alerts.raise(concern);
    }
}
