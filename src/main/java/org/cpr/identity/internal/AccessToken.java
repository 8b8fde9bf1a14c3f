package org.cpr.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal access token for the API. Only its SHA-256 hash is stored; the secret is
 * shown once.
 */
@Entity
@Table(name = "access_token")
class AccessToken {

	@Id
	private UUID id;

	@Column(name = "person_id")
	private UUID personId;

	private String name;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "token_prefix")
	private String tokenPrefix;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	protected AccessToken() {
	}

	public AccessToken(UUID id, UUID personId, String name, String tokenHash, String tokenPrefix, Instant createdAt,
			Instant expiresAt) {
		this.id = id;
		this.personId = personId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public UUID getId() {
		return id;
	}

	public UUID getPersonId() {
		return personId;
	}

	public String getName() {
		return name;
	}

	public String getTokenPrefix() {
		return tokenPrefix;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}

	public Instant getRevokedAt() {
		return revokedAt;
	}

	public Instant getLastUsedAt() {
		return lastUsedAt;
	}

	public boolean usableAt(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

	public void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	/**
	 * Records use at most once a minute, so a busy API client does not turn every request
	 * into a write.
	 */
	public void usedAt(Instant now) {
		if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
			lastUsedAt = now;
		}
	}

}
