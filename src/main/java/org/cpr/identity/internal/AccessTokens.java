package org.cpr.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.cpr.shared.Digests;

/**
 * Issues, resolves and revokes personal access tokens ({@code cpr_} + 32 random bytes).
 */
@Service
class AccessTokens {

	static final String PREFIX = "cpr_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccessTokenRepository tokens;

	private final Clock clock;

	AccessTokens(AccessTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** The secret is returned once and never stored. */
	public record Issued(UUID id, String secret, Instant expiresAt) {
	}

	@Transactional
	public Issued issue(UUID personId, String name, Duration validity) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return store(personId, name, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), validity);
	}

	/**
	 * Stores a caller-chosen secret; used only by the demo seeder so the README can list
	 * tokens.
	 */
	@Transactional
	public Issued store(UUID personId, String name, String secret, Duration validity) {
		Instant now = clock.instant();
		AccessToken token = new AccessToken(UUID.randomUUID(), personId, name, hash(secret),
				secret.substring(0, Math.min(12, secret.length())), now, now.plus(validity));
		tokens.save(token);
		return new Issued(token.getId(), secret, token.getExpiresAt());
	}

	@Transactional
	public Optional<UUID> resolve(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return tokens.findByTokenHash(hash(secret)).filter(t -> t.usableAt(now)).map(t -> {
			t.usedAt(now);
			return t.getPersonId();
		});
	}

	@Transactional
	public boolean revoke(UUID personId, UUID tokenId) {
		return tokens.findById(tokenId).filter(t -> t.getPersonId().equals(personId)).map(t -> {
			t.revoke(clock.instant());
			return true;
		}).orElse(false);
	}

	static String hash(String secret) {
		return Digests.sha256Hex(secret);
	}

}
