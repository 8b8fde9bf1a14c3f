package org.cpr.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Authenticates a personal access token in one query (token, person and grants together),
 * with no transaction and no write on the request path. When a token was last used is
 * recorded at most once a minute per token and written in one batch every few seconds
 * ({@link #flushUse()}), so the token page may lag by that much; nothing depends on it
 * but that page.
 */
@Component
class ApiTokenAuthenticator {

	static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private record Row(UUID tokenId, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, UUID personId,
			String username, String displayName, boolean mfaEnabled, boolean active, Instant lockedUntil, String role,
			UUID orgUnit) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<UUID, Instant> pendingUse = new ConcurrentHashMap<>();

	ApiTokenAuthenticator(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The active person the token belongs to, if the token is known, unexpired and not
	 * revoked.
	 */
	Optional<CprUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith(AccessTokens.PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		List<Row> rows = jdbc
			.sql("""
					SELECT t.id, t.expires_at, t.revoked_at, t.last_used_at, p.id, p.username, p.display_name, p.mfa_enabled,
					       p.active, p.locked_until, g.role, g.org_unit_id
					FROM access_token t JOIN person p ON p.id = t.person_id LEFT JOIN role_grant g ON g.person_id = p.id
					WHERE t.token_hash = ?""")
			.param(AccessTokens.hash(secret))
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)),
					instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getObject(5, UUID.class),
					rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), instant(rs.getTimestamp(10)),
					rs.getString(11), rs.getObject(12, UUID.class)))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row first = rows.get(0);
		Instant now = clock.instant();
		if (first.revokedAt() != null || !first.expiresAt().isAfter(now) || !first.active()) {
			return Optional.empty();
		}
		if (first.lastUsedAt() == null || first.lastUsedAt().isBefore(now.minus(USE_RESOLUTION))) {
			pendingUse.merge(first.tokenId(), now, (a, b) -> a.isAfter(b) ? a : b);
		}
		Set<ScopedRole> grants = new HashSet<>();
		for (Row r : rows) {
			if (r.role() != null) {
				grants.add(new ScopedRole(Role.valueOf(r.role()), new OrgUnitId(r.orgUnit())));
			}
		}
		return Optional.of(new CprUser(new PersonId(first.personId()), first.username(), null, first.displayName(),
				Set.copyOf(grants), first.mfaEnabled(), true,
				first.lockedUntil() != null && first.lockedUntil().isAfter(now)));
	}

	/**
	 * Writes the recorded uses in one batch; an older value never overwrites a newer one.
	 */
	@Scheduled(fixedDelayString = "${cpr.identity.token-use-flush:PT10S}",
			initialDelayString = "${cpr.identity.token-use-flush:PT10S}")
	@PreDestroy
	void flushUse() {
		if (pendingUse.isEmpty()) {
			return;
		}
		for (UUID id : Set.copyOf(pendingUse.keySet())) {
			Instant at = pendingUse.remove(id);
			if (at != null) {
				jdbc.sql(
						"UPDATE access_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
					.params(Timestamp.from(at), id, Timestamp.from(at))
					.update();
			}
		}
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
