package org.cpr.safety.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.cpr.safety.AlertTier;
import org.cpr.safety.AlertView;
import org.cpr.safety.Disposition;
import org.cpr.safety.RiskLevel;
import org.cpr.safety.SafetyAlertEscalated;
import org.cpr.safety.SafetyAlertRaised;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Alert state changes; callers hold the transaction.
 * <p>
 * Alerts raised from the anonymous check-in keep no precise moment (I-8):
 * {@code raised_at} is the start of the day (UTC), the acknowledgement deadline is the
 * SLA deadline rounded <em>earlier</em> to {@code cpr.checkin.time-granularity} (default
 * one hour), so escalation can come sooner, never later, than the tier's SLA;
 * acknowledgement and disposition times are rounded down to the same step; and their
 * audit entries go through {@link AuditPort#recordAnonymousChannel} (day only, shuffled
 * batch).
 */
@Component
class AlertLifecycle {

	private final SafetyAlertRepository alerts;

	private final EntityManager entityManager;

	private final OnCallRota rota;

	private final AlertPolicy policy;

	private final ApplicationEventPublisher events;

	private final AuditPort audit;

	private final Clock clock;

	private final Duration granularity;

	AlertLifecycle(SafetyAlertRepository alerts, EntityManager entityManager, OnCallRota rota, AlertPolicy policy,
			ApplicationEventPublisher events, AuditPort audit, Clock clock,
			@Value("${cpr.checkin.time-granularity:PT1H}") Duration granularity) {
		this.alerts = alerts;
		this.entityManager = entityManager;
		this.rota = rota;
		this.policy = policy;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		if (granularity.isNegative() || granularity.isZero() || granularity.compareTo(Duration.ofDays(1)) > 0
				|| Duration.ofDays(1).getSeconds() % granularity.getSeconds() != 0) {
			throw new IllegalStateException(
					"cpr.checkin.time-granularity must divide one day (e.g. PT15M, PT1H, PT6H)");
		}
		this.granularity = granularity;
	}

	/** The deadline rounded earlier to the granularity: never later than the SLA. */
	Instant deadline(boolean coarse, Instant now, AlertTier tier) {
		Instant exact = now.plus(policy.deadlineFor(tier));
		return coarse ? floor(exact) : exact;
	}

	private Instant floor(Instant t) {
		long step = granularity.getSeconds();
		return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), step) * step);
	}

	private Instant moment(boolean coarse, Instant now) {
		return coarse ? floor(now) : now;
	}

	private void audit(boolean coarse, AuditEntry entry) {
		if (coarse) {
			audit.recordAnonymousChannel(entry);
		}
		else {
			audit.record(entry);
		}
	}

	public UUID raise(SafetyConcern concern) {
		UUID id = concern.alertId();
		Optional<SafetyAlert> existing = alerts.findById(id);
		if (existing.isPresent()) {
			boolean coarse = existing.get().coarseTime();
			if (concern.person() != null && existing.get()
				.requestContact(concern.person().value(), concern.reasons(),
						deadline(coarse, clock.instant(), existing.get().getTier()))) {
				audit(coarse,
						AuditEntry.system("SAFETY_ALERT_CONTACT_REQUESTED", "safety_alert", id.toString(), "safety")
							.about(concern.person())
							.detail(existing.get().getTier().name()));
			}
			return id;
		}
		Instant now = clock.instant();
		boolean coarse = concern.checkinHandle() != null;
		UUID primary = rota.atLevel(0).orElse(null);
		SafetyAlert alert = new SafetyAlert(id, concern.sourceType(), concern.sourceId(),
				concern.person() == null ? null : concern.person().value(), concern.checkinHandle(), concern.tier(),
				concern.reasons(),
				coarse ? LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant() : now,
				deadline(coarse, now, concern.tier()), primary);
		entityManager.persist(alert);
		entityManager.flush();
		audit(coarse,
				AuditEntry.system("SAFETY_ALERT_RAISED", "safety_alert", id.toString(), "safety")
					.about(concern.person())
					.detail(concern.tier().name()));
		events.publishEvent(new SafetyAlertRaised(id, concern.tier(), primary == null ? null : new PersonId(primary)));
		return id;
	}

	/**
	 * What the inbox lists: every unclosed alert, and closed ones with a reply waiting.
	 */
	public List<AlertView> inbox() {
		Instant now = clock.instant();
		return alerts.findInboxByUrgency().stream().map(a -> view(a, now)).toList();
	}

	/** Where an alert came from: its source type and the record's id there. */
	public Optional<String[]> source(UUID id) {
		return alerts.findById(id).map(a -> new String[] { a.getSourceType(), a.getSourceId() });
	}

	public Optional<AlertView> find(UUID id) {
		Instant now = clock.instant();
		return alerts.findById(id).map(a -> view(a, now));
	}

	public boolean acknowledge(UUID id, PersonId clinician, Instant now) {
		return alerts.findById(id).filter(a -> a.getStatus() == SafetyAlert.Status.OPEN).map(a -> {
			a.acknowledge(clinician.value(), moment(a.coarseTime(), now));
			return true;
		}).orElse(false);
	}

	public boolean close(UUID id, PersonId clinician, Disposition disposition, RiskLevel risk, LocalDate next,
			Instant now) {
		if (disposition == Disposition.UNABLE_TO_REACH_RETRY_SCHEDULED && next == null) {
			return false;
		}
		return alerts.findById(id).filter(a -> a.getStatus() != SafetyAlert.Status.CLOSED).map(a -> {
			a.close(disposition, risk, next, clinician.value(), moment(a.coarseTime(), now));
			return true;
		}).orElse(false);
	}

	/**
	 * Moves each overdue alert one step down the ladder (primary → backup → …). Past the
	 * end of the ladder it stays unassigned at a higher level, which the after-hours
	 * notification picks up.
	 */
	public int escalateOverdue(Instant now) {
		List<SafetyAlert> overdue = alerts.findOverdue(now);
		for (SafetyAlert alert : overdue) {
			int level = alert.getEscalationLevel() + 1;
			UUID next = rota.atLevel(level).orElse(null);
			alert.escalate(next, deadline(alert.coarseTime(), now, alert.getTier()));
			audit(alert.coarseTime(),
					AuditEntry.system("SAFETY_ALERT_ESCALATED", "safety_alert", alert.getId().toString(), "safety")
						.detail("level=" + level));
			events.publishEvent(new SafetyAlertEscalated(alert.getId(), alert.getTier(), level,
					next == null ? null : new PersonId(next)));
		}
		return overdue.size();
	}

	private static AlertView view(SafetyAlert a, Instant now) {
		return new AlertView(a.getId(), a.getTier(), a.getReasons(), a.getStatus().name(), a.getSourceType(),
				a.getPersonId() == null ? null : new PersonId(a.getPersonId()), a.getPersonId() == null,
				a.getRaisedAt(), a.getAckDeadline(), a.overdueAt(now),
				a.getAssignedTo() == null ? null : new PersonId(a.getAssignedTo()), a.getEscalationLevel(),
				a.getAcknowledgedAt(), a.getDisposition(), a.getDispositionRisk(), a.getNextAttemptOn(),
				a.isReplyWaiting(), a.coarseTime());
	}

}
