package org.cpr.safety.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.safety.AlertScores;
import org.cpr.safety.AlertView;
import org.cpr.safety.Disposition;
import org.cpr.safety.RiskLevel;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert API over the alert lifecycle (JPA) and the on-call rota; every read audited.
 */
@Service("safetyAlerts")
class SafetyAlertService implements SafetyAlerts {

	private final AlertLifecycle lifecycle;

	private final OnCallRota rota;

	private final AuditPort audit;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<AlertScores> scoreSources;

	SafetyAlertService(AlertLifecycle lifecycle, OnCallRota rota, AuditPort audit, Clock clock,
			org.springframework.beans.factory.ObjectProvider<AlertScores> scoreSources) {
		this.scoreSources = scoreSources;
		this.lifecycle = lifecycle;
		this.rota = rota;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public List<PersonId> onCallLadder() {
		return rota.ladder().stream().map(PersonId::new).toList();
	}

	@Override
	public void replaceOnCallLadder(List<PersonId> clinicians) {
		rota.replace(clinicians.stream().map(PersonId::value).toList());
	}

	@Override
	@Transactional
	public UUID raise(SafetyConcern concern) {
		return lifecycle.raise(concern);
	}

	@Override
	@Transactional
	public List<AlertView> inbox(PersonId clinician) {
		List<AlertView> alerts = lifecycle.inbox();
		audit.record(AuditEntry.care(clinician, "SAFETY_INBOX_VIEWED", "safety_alert", null)
			.detail("count=" + alerts.size()));
		return alerts;
	}

	/**
	 * The scores behind an alert, from the module it came from (see {@link AlertScores});
	 * empty for sources without scores.
	 */
	@Transactional(readOnly = true)
	public List<AlertScores.Line> scores(UUID alertId, java.util.Locale locale) {
		return lifecycle.source(alertId)
			.map(source -> scoreSources.orderedStream()
				.flatMap(s -> s.scores(source[0], source[1], locale).stream())
				.toList())
			.orElse(List.of());
	}

	@Override
	@Transactional
	public Optional<AlertView> open(UUID alertId, PersonId clinician) {
		Optional<AlertView> alert = lifecycle.find(alertId);
		audit.record(AuditEntry.care(clinician, "SAFETY_ALERT_VIEWED", "safety_alert", alertId.toString())
			.about(alert.map(AlertView::person).orElse(null))
			.failedUnless(alert.isPresent()));
		return alert;
	}

	@Override
	@Transactional
	public boolean acknowledge(UUID alertId, PersonId clinician) {
		boolean done = lifecycle.acknowledge(alertId, clinician, clock.instant());
		audit.record(AuditEntry.care(clinician, "SAFETY_ALERT_ACKNOWLEDGED", "safety_alert", alertId.toString())
			.failedUnless(done));
		return done;
	}

	@Override
	@Transactional
	public boolean recordDisposition(UUID alertId, PersonId clinician, Disposition disposition, RiskLevel risk,
			LocalDate nextAttemptOn) {
		boolean done = lifecycle.close(alertId, clinician, disposition, risk, nextAttemptOn, clock.instant());
		audit.record(AuditEntry.care(clinician, "SAFETY_ALERT_DISPOSITION", "safety_alert", alertId.toString())
			.detail(disposition.name())
			.failedUnless(done));
		return done;
	}

	@Override
	@Transactional
	public int escalateOverdue() {
		return lifecycle.escalateOverdue(clock.instant());
	}

}
