package org.cpr.cqi.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "cqi_solution")
class CqiSolution {

	@Id
	private UUID id;

	@Column(name = "item_id")
	private UUID itemId;

	private String description;

	@Column(name = "proposed_by")
	private UUID proposedBy;

	@Column(name = "proposed_at")
	private Instant proposedAt;

	protected CqiSolution() {
	}

	public CqiSolution(UUID id, UUID itemId, String description, UUID proposedBy, Instant proposedAt) {
		this.id = id;
		this.itemId = itemId;
		this.description = description;
		this.proposedBy = proposedBy;
		this.proposedAt = proposedAt;
	}

	public UUID getId() {
		return id;
	}

	public UUID getItemId() {
		return itemId;
	}

	public String getDescription() {
		return description;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

}
