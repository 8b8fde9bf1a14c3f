package org.cpr.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.cpr.identity.SignInLinks;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.Digests;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in links: 32 random bytes (URL-safe Base64) handed out once, stored as their
 * SHA-256. Spending is one conditional UPDATE (unused and unexpired), so two tabs or two
 * nodes opening the same link sign in at most once.
 */
@Service
class SignInLinkService implements SignInLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonRepository people;

	private final PersonUserDetailsService users;

	private final AuditPort audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SignInLinkService(JdbcClient jdbc, PersonRepository people, PersonUserDetailsService users, AuditPort audit,
			Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.people = people;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public String issue(PersonId person, String target, Instant expiresAt, String purpose) {
		if (!localPath(target)) {
			throw new IllegalArgumentException("a sign-in link leads to a path on this site");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		tx.executeWithoutResult(s -> {
			jdbc.sql("INSERT INTO sign_in_link (id, token_hash, person_id, target, purpose, created_at, expires_at)"
					+ " VALUES (:id, :hash, :person, :target, :purpose, :now, :expires)")
				.param("id", id)
				.param("hash", Digests.sha256Hex(token))
				.param("person", person.value())
				.param("target", target)
				.param("purpose", purpose)
				.param("now", Timestamp.from(clock.instant()))
				.param("expires", Timestamp.from(expiresAt))
				.update();
			audit
				.record(AuditEntry.system("SIGN_IN_LINK_ISSUED", "sign_in_link", id.toString(), purpose).about(person));
		});
		return "/login/link?token=" + token;
	}

	@Override
	public State check(String token) {
		return find(token).map(this::state).orElse(new State(Kind.UNKNOWN, null, null));
	}

	@Override
	public State redeem(String token, HttpServletRequest request, HttpServletResponse response) {
		Optional<Map<String, Object>> row = find(token);
		if (row.isEmpty()) {
			audit.record(AuditEntry.system("SIGN_IN_LINK_REFUSED", "sign_in_link", null, "authentication")
				.outcome(AuditEntry.Outcome.DENIED)
				.detail("UNKNOWN"));
			return new State(Kind.UNKNOWN, null, null);
		}
		String id = String.valueOf(row.get().get("id"));
		State state = state(row.get());
		CprUser user = null;
		if (state.valid()) {
			Timestamp now = Timestamp.from(clock.instant());
			int spent = jdbc
				.sql("UPDATE sign_in_link SET used_at = :now WHERE id = :id AND used_at IS NULL AND expires_at > :now")
				.param("now", now)
				.param("id", UUID.fromString(id))
				.update();
			// another request spent it between the read and the update
			state = spent == 1 ? state : new State(Kind.USED, state.person(), null);
			if (state.valid()) {
				user = usable(state.person());
				if (user == null) {
					state = new State(Kind.UNKNOWN, state.person(), null);
				}
			}
		}
		if (!state.valid()) {
			audit.record(AuditEntry.system("SIGN_IN_LINK_REFUSED", "sign_in_link", id, "authentication")
				.about(state.person())
				.outcome(AuditEntry.Outcome.DENIED)
				.detail(state.kind().name()));
			return state;
		}
		signIn(user, request, response);
		PersonId person = state.person();
		tx.executeWithoutResult(s -> {
			people.findById(person.value()).ifPresent(Person::loginSucceeded);
			audit.record(AuditEntry.selfService(person, "SIGN_IN_LINK_USED", "sign_in_link", id));
		});
		return state;
	}

	private void signIn(CprUser user, HttpServletRequest request, HttpServletResponse response) {
		// a fresh session id, as after a password sign-in (session fixation)
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		request.getSession().setAttribute(AbsoluteSessionTimeoutFilter.SIGNED_IN_AT, clock.instant());
	}

	/** The holder as a signed-in user, or null when the account cannot sign in now. */
	private CprUser usable(PersonId person) {
		return tx.execute(s -> people.findById(person.value())
			.map(users::toUser)
			.filter(u -> u.isEnabled() && u.isAccountNonLocked() && !u.mfaRequired())
			.orElse(null));
	}

	private Optional<Map<String, Object>> find(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT l.id, l.person_id, l.target, l.expires_at, l.used_at, p.mfa_enabled FROM sign_in_link l"
					+ " JOIN person p ON p.id = l.person_id WHERE l.token_hash = :hash")
			.param("hash", Digests.sha256Hex(token))
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	private State state(Map<String, Object> row) {
		PersonId person = new PersonId(
				row.get("person_id") instanceof UUID u ? u : UUID.fromString(String.valueOf(row.get("person_id"))));
		if (row.get("used_at") != null) {
			return new State(Kind.USED, person, null);
		}
		if (!instant(row.get("expires_at")).isAfter(clock.instant())) {
			return new State(Kind.EXPIRED, person, null);
		}
		CprUser user = usable(person);
		if (user == null) {
			// two-step sign-in, or an inactive or locked account: the password page
			return new State(Kind.PASSWORD_REQUIRED, person, null);
		}
		return new State(Kind.VALID, person, (String) row.get("target"));
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp t) {
			return t.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime o) {
			return o.toInstant();
		}
		if (value instanceof Instant i) {
			return i;
		}
		throw new IllegalStateException("unexpected timestamp type " + value.getClass());
	}

	static boolean localPath(String target) {
		return target != null && target.startsWith("/") && !target.startsWith("//") && !target.contains("\\")
				&& target.length() <= 300;
	}

}
