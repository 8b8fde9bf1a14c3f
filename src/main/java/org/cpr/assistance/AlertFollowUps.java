package org.cpr.assistance;

import java.util.List;
import java.util.UUID;

import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.internal.FollowUpStore;
import org.cpr.safety.AlertView;
import org.cpr.safety.SafetyAlerts;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From a safety alert (or a contact request) to care: a clinician opens the person's
 * episode from the alert, then books them or lets them book. Anonymous check-in alerts
 * have no person and cannot.
 */
@Service
public class AlertFollowUps {

	/** An alert waiting for follow-up here (id and tier only). */
	public record FollowUp(UUID alertId, String tier, java.time.Instant receivedAt) {
	}

	private final FollowUpStore store;

	private final SafetyAlerts alerts;

	private final CareRecords records;

	AlertFollowUps(FollowUpStore store, SafetyAlerts alerts, CareRecords records) {
		this.store = store;
		this.alerts = alerts;
		this.records = records;
	}

	@Transactional(readOnly = true)
	public List<FollowUp> pending() {
		return store.pending().stream().map(p -> new FollowUp(p.alertId(), p.tier(), p.receivedAt())).toList();
	}

	/**
	 * Opens (or joins) the alert's person's episode with the clinician in its care team.
	 * @throws AssistanceRefused UNKNOWN_PERSON when the alert is unknown or anonymous
	 */
	@Transactional
	public Episode openEpisode(UUID alert, PersonId clinician) {
		AlertView view = alerts.open(alert, clinician)
			.filter(a -> !a.anonymous() && a.person() != null)
			.orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_PERSON));
		Episode episode = records.openOrJoin(view.person(), clinician, BookingSource.ALERT, alert, view.raisedAt(),
				clinician);
		store.linked(alert, episode.id());
		return episode;
	}

}
