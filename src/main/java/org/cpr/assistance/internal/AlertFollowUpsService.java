package org.cpr.assistance.internal;

import java.util.List;
import java.util.UUID;

import org.cpr.assistance.AlertFollowUps;
import org.cpr.assistance.AssistanceRefused;
import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.BookingSource;
import org.cpr.assistance.CareRecords;
import org.cpr.assistance.Episode;
import org.cpr.safety.AlertView;
import org.cpr.safety.SafetyAlerts;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link AlertFollowUps} over the module's own stores: callers see only the interface.
 */
@Service("alertFollowUps")
class AlertFollowUpsService implements AlertFollowUps {

	private final FollowUpStore store;

	private final SafetyAlerts alerts;

	private final CareRecords records;

	AlertFollowUpsService(FollowUpStore store, SafetyAlerts alerts, CareRecords records) {
		this.store = store;
		this.alerts = alerts;
		this.records = records;
	}

	@Override
	@Transactional(readOnly = true)
	public List<FollowUp> pending() {
		return store.pending().stream().map(p -> new FollowUp(p.alertId(), p.tier(), p.receivedAt())).toList();
	}

	@Override
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
