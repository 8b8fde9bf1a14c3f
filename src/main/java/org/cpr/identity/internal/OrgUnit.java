package org.cpr.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.cpr.identity.OrgUnitKind;

@Entity
@Table(name = "org_unit")
class OrgUnit {

	@Id
	private UUID id;

	@Column(name = "parent_id")
	private UUID parentId;

	@Enumerated(EnumType.STRING)
	private OrgUnitKind kind;

	private String code;

	private String name;

	@Column(name = "created_at")
	private Instant createdAt;

	protected OrgUnit() {
	}

	public OrgUnit(UUID id, UUID parentId, OrgUnitKind kind, String code, String name, Instant createdAt) {
		this.id = id;
		this.parentId = parentId;
		this.kind = kind;
		this.code = code;
		this.name = name;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return id;
	}

	public UUID getParentId() {
		return parentId;
	}

	public OrgUnitKind getKind() {
		return kind;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public void rename(String name) {
		this.name = name;
	}

	public void moveTo(UUID parentId) {
		this.parentId = parentId;
	}

}
