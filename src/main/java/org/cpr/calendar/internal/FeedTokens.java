package org.cpr.calendar.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.Digests;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feed tokens, stored as SHA-256 hashes. */
@Repository
class FeedTokens {

	/** What a presented token turned out to be. */
	public record Lookup(PersonId person, boolean revoked) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	FeedTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Revokes the person's live links and issues a new one; returns the token (never
	 * stored).
	 */
	public String issue(PersonId person, Instant now) {
		revokeAll(person, now);
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("INSERT INTO calendar_feed (token_hash, person_id, created_at) VALUES (?, ?, ?)")
			.params(hash(token), person.value(), Timestamp.from(now))
			.update();
		return token;
	}

	public int revokeAll(PersonId person, Instant now) {
		return jdbc.sql("UPDATE calendar_feed SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(now), person.value())
			.update();
	}

	public boolean hasLive(PersonId person) {
		return jdbc.sql("SELECT COUNT(*) FROM calendar_feed WHERE person_id = ? AND revoked_at IS NULL")
			.param(person.value())
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Lookup> find(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT person_id, revoked_at FROM calendar_feed WHERE token_hash = ?")
			.param(hash(token))
			.query((rs, n) -> new Lookup(new PersonId(rs.getObject(1, UUID.class)), rs.getTimestamp(2) != null))
			.optional();
	}

	static String hash(String token) {
		return Digests.sha256Hex(token);
	}

}
