package org.cpr.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.cpr.shared.Role;

@Entity
@Table(name = "role_grant")
class RoleGrantEntity {

	@Id
	private UUID id;

	@Column(name = "person_id")
	private UUID personId;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "org_unit_id")
	private UUID orgUnitId;

	@Column(name = "granted_by")
	private UUID grantedBy;

	@Column(name = "granted_at")
	private Instant grantedAt;

	protected RoleGrantEntity() {
	}

	public RoleGrantEntity(UUID id, UUID personId, Role role, UUID orgUnitId, UUID grantedBy, Instant grantedAt) {
		this.id = id;
		this.personId = personId;
		this.role = role;
		this.orgUnitId = orgUnitId;
		this.grantedBy = grantedBy;
		this.grantedAt = grantedAt;
	}

	public UUID getId() {
		return id;
	}

	public UUID getPersonId() {
		return personId;
	}

	public Role getRole() {
		return role;
	}

	public UUID getOrgUnitId() {
		return orgUnitId;
	}

	public UUID getGrantedBy() {
		return grantedBy;
	}

	public Instant getGrantedAt() {
		return grantedAt;
	}

}
