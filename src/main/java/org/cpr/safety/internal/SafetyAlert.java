package org.cpr.safety.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.cpr.safety.AlertTier;
import org.cpr.safety.Disposition;
import org.cpr.safety.RiskLevel;

@Entity
@Table(name = "safety_alert")
class SafetyAlert {

	public enum Status {

		OPEN, ACKNOWLEDGED, CLOSED

	}

	@Id
	private UUID id;

	@Column(name = "source_type")
	private String sourceType;

	@Column(name = "source_id")
	private String sourceId;

	@Column(name = "person_id")
	private UUID personId;

	@Column(name = "checkin_handle_id")
	private UUID checkinHandleId;

	@Enumerated(EnumType.STRING)
	private AlertTier tier;

	private String reasons;

	@Enumerated(EnumType.STRING)
	private Status status;

	@Column(name = "raised_at")
	private Instant raisedAt;

	@Column(name = "ack_deadline")
	private Instant ackDeadline;

	@Column(name = "assigned_to")
	private UUID assignedTo;

	@Column(name = "escalation_level")
	private int escalationLevel;

	@Column(name = "acknowledged_at")
	private Instant acknowledgedAt;

	@Column(name = "acknowledged_by")
	private UUID acknowledgedBy;

	@Enumerated(EnumType.STRING)
	private Disposition disposition;

	@Enumerated(EnumType.STRING)
	@Column(name = "disposition_risk")
	private RiskLevel dispositionRisk;

	@Column(name = "disposition_at")
	private Instant dispositionAt;

	@Column(name = "disposition_by")
	private UUID dispositionBy;

	@Column(name = "next_attempt_on")
	private LocalDate nextAttemptOn;

	/**
	 * Written only by {@link JdbcRepliesWaiting} (plain SQL), so an entity update never
	 * overwrites it.
	 */
	@Column(name = "reply_waiting", insertable = false, updatable = false)
	private boolean replyWaiting;

	@Version
	private long version;

	protected SafetyAlert() {
	}

	SafetyAlert(UUID id, String sourceType, String sourceId, UUID personId, UUID checkinHandleId, AlertTier tier,
			Set<String> reasons, Instant raisedAt, Instant ackDeadline, UUID assignedTo) {
		this.id = id;
		this.sourceType = sourceType;
		this.sourceId = sourceId;
		this.personId = personId;
		this.checkinHandleId = checkinHandleId;
		this.tier = tier;
		this.reasons = String.join(",", new TreeSet<>(reasons));
		this.status = Status.OPEN;
		this.raisedAt = raisedAt;
		this.ackDeadline = ackDeadline;
		this.assignedTo = assignedTo;
	}

	/**
	 * The person behind a pseudonymous alert asked to be contacted: their identity joins
	 * the alert, and an alert already handled opens again with a fresh deadline, because
	 * there is now someone to reach.
	 */
	boolean requestContact(UUID person, Set<String> moreReasons, Instant newDeadline) {
		if (personId != null) {
			return false;
		}
		personId = person;
		Set<String> merged = new TreeSet<>(getReasons());
		merged.addAll(moreReasons);
		reasons = String.join(",", merged);
		if (status != Status.OPEN) {
			status = Status.OPEN;
			acknowledgedAt = null;
			acknowledgedBy = null;
			ackDeadline = newDeadline;
		}
		return true;
	}

	void acknowledge(UUID clinician, Instant now) {
		if (status == Status.OPEN) {
			status = Status.ACKNOWLEDGED;
			acknowledgedAt = now;
			acknowledgedBy = clinician;
		}
	}

	void escalate(UUID next, Instant newDeadline) {
		escalationLevel++;
		assignedTo = next;
		ackDeadline = newDeadline;
	}

	void close(Disposition disposition, RiskLevel risk, LocalDate nextAttemptOn, UUID clinician, Instant now) {
		if (status == Status.OPEN) {
			acknowledge(clinician, now);
		}
		this.disposition = disposition;
		this.dispositionRisk = risk;
		this.nextAttemptOn = nextAttemptOn;
		this.dispositionBy = clinician;
		this.dispositionAt = now;
		this.status = disposition == Disposition.UNABLE_TO_REACH_RETRY_SCHEDULED ? Status.ACKNOWLEDGED : Status.CLOSED;
	}

	/**
	 * Raised from the anonymous check-in (or its reveal request): its times are coarse
	 * (the day it was raised; deadlines rounded earlier to the hour) so they cannot be
	 * matched against sign-in logs (I-8).
	 */
	boolean coarseTime() {
		return checkinHandleId != null;
	}

	boolean overdueAt(Instant now) {
		return status == Status.OPEN && !ackDeadline.isAfter(now);
	}

	public UUID getId() {
		return id;
	}

	public String getSourceType() {
		return sourceType;
	}

	public String getSourceId() {
		return sourceId;
	}

	public UUID getPersonId() {
		return personId;
	}

	public UUID getCheckinHandleId() {
		return checkinHandleId;
	}

	public AlertTier getTier() {
		return tier;
	}

	public Set<String> getReasons() {
		return new TreeSet<>(Arrays.asList(reasons.split(",")));
	}

	public Status getStatus() {
		return status;
	}

	public Instant getRaisedAt() {
		return raisedAt;
	}

	public Instant getAckDeadline() {
		return ackDeadline;
	}

	public UUID getAssignedTo() {
		return assignedTo;
	}

	public int getEscalationLevel() {
		return escalationLevel;
	}

	public Instant getAcknowledgedAt() {
		return acknowledgedAt;
	}

	public UUID getAcknowledgedBy() {
		return acknowledgedBy;
	}

	public Disposition getDisposition() {
		return disposition;
	}

	public RiskLevel getDispositionRisk() {
		return dispositionRisk;
	}

	public Instant getDispositionAt() {
		return dispositionAt;
	}

	public LocalDate getNextAttemptOn() {
		return nextAttemptOn;
	}

	public boolean isReplyWaiting() {
		return replyWaiting;
	}

}
