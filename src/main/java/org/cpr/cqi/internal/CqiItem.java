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
import jakarta.persistence.Version;
import org.cpr.cqi.CqiCategory;
import org.cpr.cqi.CqiStatus;

@Entity
@Table(name = "cqi_item")
class CqiItem {

	@Id
	private UUID id;

	private String title;

	@Column(name = "problem_statement")
	private String problemStatement;

	@Column(name = "hospital_id")
	private UUID hospitalId;

	@Column(name = "unit_name")
	private String unitName;

	@Column(name = "rotation_name")
	private String rotationName;

	@Enumerated(EnumType.STRING)
	private CqiCategory category;

	@Enumerated(EnumType.STRING)
	private CqiStatus status;

	@Column(name = "decision_reason")
	private String decisionReason;

	@Column(name = "owner_id")
	private UUID ownerId;

	@Column(name = "due_on")
	private LocalDate dueOn;

	@Column(name = "you_said")
	private String youSaid;

	@Column(name = "we_did")
	private String weDid;

	private boolean published;

	@Column(name = "created_by")
	private UUID createdBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Version
	private long version;

	protected CqiItem() {
	}

	public CqiItem(UUID id, UUID createdBy, Instant now) {
		this.id = id;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
		this.status = CqiStatus.IDENTIFIED;
	}

	public void describe(String title, String problemStatement, UUID hospitalId, String unitName, String rotationName,
			CqiCategory category, UUID ownerId, LocalDate dueOn, Instant now) {
		this.title = title;
		this.problemStatement = problemStatement;
		this.hospitalId = hospitalId;
		this.unitName = unitName;
		this.rotationName = rotationName;
		this.category = category;
		this.ownerId = ownerId;
		this.dueOn = dueOn;
		this.updatedAt = now;
	}

	public void moveTo(CqiStatus target, String reason, Instant now) {
		if (!status.canMoveTo(target)) {
			throw new IllegalStateException("transition not allowed");
		}
		if (target == CqiStatus.DECLINED || target == CqiStatus.ACCEPTED) {
			this.decisionReason = reason;
		}
		this.status = target;
		this.updatedAt = now;
		this.closedAt = target == CqiStatus.CLOSED ? now : null;
	}

	public void publish(String youSaid, String weDid, Instant now) {
		this.youSaid = youSaid;
		this.weDid = weDid;
		this.published = true;
		this.updatedAt = now;
	}

	public void unpublish(Instant now) {
		this.published = false;
		this.updatedAt = now;
	}

	public boolean overdueOn(LocalDate today) {
		return status.isOpen() && dueOn != null && dueOn.isBefore(today);
	}

	public UUID getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getProblemStatement() {
		return problemStatement;
	}

	public UUID getHospitalId() {
		return hospitalId;
	}

	public String getUnitName() {
		return unitName;
	}

	public String getRotationName() {
		return rotationName;
	}

	public CqiCategory getCategory() {
		return category;
	}

	public CqiStatus getStatus() {
		return status;
	}

	public String getDecisionReason() {
		return decisionReason;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	public LocalDate getDueOn() {
		return dueOn;
	}

	public String getYouSaid() {
		return youSaid;
	}

	public String getWeDid() {
		return weDid;
	}

	public boolean isPublished() {
		return published;
	}

	public UUID getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

}
