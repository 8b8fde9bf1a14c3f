package org.cpr.identity;

import java.time.Instant;
import java.util.UUID;

/** A freshly issued personal access token; the secret is shown once and never stored. */
public record IssuedToken(UUID id, String secret, Instant expiresAt) {
}
