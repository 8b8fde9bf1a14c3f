package org.cpr.cqi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.cpr.cqi.Decision;
import org.cpr.cqi.PresentationAudience;

@Entity
@Table(name = "cqi_presentation")
class CqiPresentation {

	@Id
	private UUID id;

	@Column(name = "item_id")
	private UUID itemId;

	@Column(name = "presented_on")
	private LocalDate presentedOn;

	@Enumerated(EnumType.STRING)
	private PresentationAudience audience;

	@Column(name = "audience_note")
	private String audienceNote;

	@Enumerated(EnumType.STRING)
	private Decision decision;

	@Column(name = "decision_reason")
	private String decisionReason;

	@Column(name = "follow_ups")
	private String followUps;

	@Column(name = "recorded_by")
	private UUID recordedBy;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected CqiPresentation() {
	}

	public CqiPresentation(UUID id, UUID itemId, LocalDate presentedOn, PresentationAudience audience,
			String audienceNote, Decision decision, String decisionReason, String followUps, UUID recordedBy,
			Instant recordedAt) {
		this.id = id;
		this.itemId = itemId;
		this.presentedOn = presentedOn;
		this.audience = audience;
		this.audienceNote = audienceNote;
		this.decision = decision;
		this.decisionReason = decisionReason;
		this.followUps = followUps;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	public UUID getId() {
		return id;
	}

	public UUID getItemId() {
		return itemId;
	}

	public LocalDate getPresentedOn() {
		return presentedOn;
	}

	public PresentationAudience getAudience() {
		return audience;
	}

	public String getAudienceNote() {
		return audienceNote;
	}

	public Decision getDecision() {
		return decision;
	}

	public String getDecisionReason() {
		return decisionReason;
	}

	public String getFollowUps() {
		return followUps;
	}

}
