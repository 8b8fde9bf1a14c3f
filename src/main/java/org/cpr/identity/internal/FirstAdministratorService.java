package org.cpr.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.FirstAdministrator;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.PasswordPolicy;
import org.cpr.identity.TraineeType;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.Digests;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One set-up link per cluster (row 1 of {@code first_run_setup}, secret stored hashed):
 * the node that finds no live link issues one and prints it once; other nodes say a link
 * is out and until when. Consuming the link locks that row, so two people racing with the
 * link create one administrator.
 */
@Service
class FirstAdministratorService implements FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministratorService.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonRepository people;

	private final OrgUnitRepository units;

	private final RoleGrantRepository grants;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditPort audit;

	private final Clock clock;

	private final Duration validFor;

	private final String baseUrl;

	FirstAdministratorService(JdbcClient jdbc, PersonRepository people, OrgUnitRepository units,
			RoleGrantRepository grants, PasswordEncoder encoder, PasswordPolicy policy, AuditPort audit, Clock clock,
			@Value("${cpr.setup.link-valid-for:PT2H}") Duration validFor,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.people = people;
		this.units = units;
		this.grants = grants;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.validFor = validFor;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * Printed once, at start-up, by the node that issued it; the secret is the only thing
	 * in the line.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (!needed()) {
			return;
		}
		issue().ifPresentOrElse(token -> log.warn(
				"FIRST_RUN_SETUP no system administrator exists. Open {}/setup?token={} within {} to create"
						+ " the first one (the link works once; restart a node for a new one after it expires).",
				baseUrl, token, validFor),
				() -> log.warn(
						"FIRST_RUN_SETUP no system administrator exists; another node printed a set-up link that is"
								+ " valid until {}; restart a node after that for a new one.",
						liveUntil().orElse(null)));
	}

	@Override
	public boolean needed() {
		return jdbc
			.sql("SELECT COUNT(*) FROM role_grant g JOIN person p ON p.id = g.person_id"
					+ " WHERE g.role = :role AND p.active = TRUE")
			.param("role", Role.SYSTEM_ADMIN.name())
			.query(Long.class)
			.single() == 0;
	}

	@Override
	public boolean valid(String token) {
		return token != null && !token.isBlank() && needed()
				&& jdbc
					.sql("SELECT COUNT(*) FROM first_run_setup WHERE id = 1 AND token_hash = :hash"
							+ " AND used_at IS NULL AND expires_at > :now")
					.param("hash", Digests.sha256Hex(token))
					.param("now", Timestamp.from(clock.instant()))
					.query(Long.class)
					.single() == 1;
	}

	@Override
	public Optional<String> issue() {
		if (!needed()) {
			return Optional.empty();
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant issued = clock.instant();
		Timestamp now = Timestamp.from(issued);
		Timestamp until = Timestamp.from(issued.plus(validFor));
		int replaced = jdbc
			.sql("UPDATE first_run_setup SET token_hash = :hash, issued_at = :now, expires_at = :until, used_at = NULL"
					+ " WHERE id = 1 AND (expires_at <= :now OR used_at IS NOT NULL)")
			.param("hash", Digests.sha256Hex(token))
			.param("now", now)
			.param("until", until)
			.update();
		if (replaced == 1) {
			return Optional.of(token);
		}
		try {
			jdbc.sql(
					"INSERT INTO first_run_setup (id, token_hash, issued_at, expires_at) VALUES (1, :hash, :now, :until)")
				.param("hash", Digests.sha256Hex(token))
				.param("now", now)
				.param("until", until)
				.update();
			return Optional.of(token);
		}
		catch (DataIntegrityViolationException live) {
			return Optional.empty();
		}
	}

	private Optional<Instant> liveUntil() {
		return jdbc.sql("SELECT expires_at FROM first_run_setup WHERE id = 1")
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	@Override
	@Transactional
	public List<String> create(String token, FirstAdmin d) {
		String username = d.username().strip().toLowerCase(Locale.ROOT);
		List<String> problems = new ArrayList<>(policy.violations(d.password(), username));
		if (people.findByUsernameIgnoreCase(username).isPresent()) {
			problems.add("setup.username.taken");
		}
		if (people.findByEmailIgnoreCase(d.email().strip()).isPresent()) {
			problems.add("setup.email.taken");
		}
		if (units.findByCode(d.institutionCode().strip()).isPresent()) {
			problems.add("setup.code.taken");
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		Instant now = clock.instant();
		int consumed = token == null ? 0
				: jdbc
					.sql("UPDATE first_run_setup SET used_at = :now WHERE id = 1"
							+ " AND token_hash = :hash AND used_at IS NULL AND expires_at > :now")
					.param("now", Timestamp.from(now))
					.param("hash", Digests.sha256Hex(token))
					.update();
		if (consumed != 1 || !needed()) {
			audit.record(AuditEntry.system("FIRST_ADMINISTRATOR_REFUSED", "first_run_setup", null, "administration")
				.outcome(AuditEntry.Outcome.DENIED));
			return List.of("setup.link.invalid");
		}
		OrgUnit root = units.save(new OrgUnit(UUID.randomUUID(), null, OrgUnitKind.INSTITUTION,
				d.institutionCode().strip(), d.institutionName().strip(), now));
		Person admin = new Person(UUID.randomUUID(), username, d.email().strip(), d.displayName().strip(),
				TraineeType.STAFF, null, null, null, now);
		admin.changePassword(encoder.encode(d.password()));
		people.saveAndFlush(admin);
		grants.save(new RoleGrantEntity(UUID.randomUUID(), admin.getId(), Role.SYSTEM_ADMIN, root.getId(), null, now));
		PersonId id = new PersonId(admin.getId());
		audit.record(AuditEntry.administration(id, "FIRST_ADMINISTRATOR_CREATED", "person", admin.getId().toString())
			.about(id)
			.detail(Role.SYSTEM_ADMIN.name()));
		log.info("FIRST_RUN_SETUP the first system administrator was created; the set-up link is used up");
		return List.of();
	}

}
