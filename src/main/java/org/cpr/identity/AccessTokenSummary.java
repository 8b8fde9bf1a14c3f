package org.cpr.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal access token as its owner sees it: never the secret or its hash. */
public record AccessTokenSummary(UUID id, String name, String tokenPrefix, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, Instant revokedAt) {
}
