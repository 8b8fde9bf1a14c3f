package org.cpr.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.cpr.identity.MfaEnrolment;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols and checks the second factor. TOTP secrets are stored sealed; recovery codes as
 * hashes. Guesses are limited per account, not per session ({@link #MAX_FAILURES} wrong
 * codes per {@link #FAILURE_WINDOW}, whatever the session or client), each wrong code is
 * audited (without the code), and a TOTP code is accepted once: its time step is stored
 * and that step or an older one is refused afterwards.
 */
@Service
class MfaEnrolmentService implements MfaEnrolment {

	static final int MAX_FAILURES = 5;
	static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

	private final PersonRepository people;

	private final Totp totp;

	private final SecretBox box;

	private final JdbcClient jdbc;

	private final AuditPort audit;

	private final Clock clock;

	MfaEnrolmentService(PersonRepository people, Totp totp, SecretBox box, JdbcClient jdbc, AuditPort audit,
			Clock clock) {
		this.people = people;
		this.totp = totp;
		this.box = box;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public boolean isEnrolled(PersonId person) {
		return people.findById(person.value()).map(Person::isMfaEnabled).orElse(false);
	}

	@Override
	public String newSecret() {
		return totp.newSecret();
	}

	@Override
	public String qrCode(String secret, String account) {
		return totp.qrCode(secret, account);
	}

	@Override
	@Transactional
	public List<String> confirm(PersonId person, String pendingSecret, String code) {
		OptionalLong step = totp.matchingStep(pendingSecret, code);
		if (step.isEmpty()) {
			audit
				.record(AuditEntry.of(person, "MFA_ENROLMENT_CODE_WRONG", "person", person.toString(), "authentication")
					.about(person)
					.outcome(AuditEntry.Outcome.FAILURE));
			return List.of();
		}
		Person p = people.findById(person.value()).orElseThrow();
		p.enableMfa(box.seal(pendingSecret, context(person)));
		jdbc.sql("UPDATE person SET mfa_last_step = ? WHERE id = ?").params(step.getAsLong(), person.value()).update();
		List<String> codes = totp.newRecoveryCodes();
		jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = ?").param(person.value()).update();
		for (String c : codes) {
			jdbc.sql("INSERT INTO mfa_recovery_code (id, person_id, code_hash) VALUES (?, ?, ?)")
				.params(UUID.randomUUID(), person.value(), Totp.hash(c))
				.update();
		}
		audit.record(AuditEntry.success(person, "MFA_ENROLLED", "person", person.toString()));
		return codes;
	}

	@Override
	@Transactional
	public boolean verify(PersonId person, String code) {
		return check(person, code) == Check.PASSED;
	}

	/**
	 * Checks a TOTP code, or else a one-time recovery code (used up by this call).
	 * Refuses without checking once the account has {@link #MAX_FAILURES} wrong codes in
	 * the last {@link #FAILURE_WINDOW}; refuses a TOTP code whose time step was already
	 * used. Every refusal is audited, never the code.
	 */
	@Override
	@Transactional
	public Check check(PersonId person, String code) {
		Person p = people.findById(person.value()).orElseThrow();
		if (!p.isMfaEnabled()) {
			return Check.WRONG;
		}
		Instant now = clock.instant();
		int recent = jdbc.sql("SELECT COUNT(*) FROM mfa_failure WHERE person_id = ? AND failed_at > ?")
			.params(person.value(), Timestamp.from(now.minus(FAILURE_WINDOW)))
			.query(Integer.class)
			.single();
		if (recent >= MAX_FAILURES) {
			refused(person, "MFA_LOCKED", AuditEntry.Outcome.DENIED);
			return Check.LOCKED;
		}
		OptionalLong step = totp.matchingStep(box.open(p.getMfaSecret(), context(person)), code);
		if (step.isPresent()) {
			int accepted = jdbc.sql(
					"UPDATE person SET mfa_last_step = ? WHERE id = ? AND (mfa_last_step IS NULL OR mfa_last_step < ?)")
				.params(step.getAsLong(), person.value(), step.getAsLong())
				.update();
			if (accepted == 1) {
				jdbc.sql("DELETE FROM mfa_failure WHERE person_id = ?").param(person.value()).update();
				return Check.PASSED;
			}
			failed(person, now, "MFA_CODE_REPLAYED");
			return Check.REPLAYED;
		}
		if (code != null && !code.isBlank()) {
			int used = jdbc.sql(
					"UPDATE mfa_recovery_code SET used_at = ? WHERE person_id = ? AND code_hash = ? AND used_at IS NULL")
				.params(Timestamp.from(now), person.value(), Totp.hash(code))
				.update();
			if (used == 1) {
				jdbc.sql("DELETE FROM mfa_failure WHERE person_id = ?").param(person.value()).update();
				audit.record(AuditEntry.success(person, "MFA_RECOVERY_CODE_USED", "person", person.toString()));
				return Check.PASSED;
			}
		}
		failed(person, now, "MFA_CODE_WRONG");
		return Check.WRONG;
	}

	private void failed(PersonId person, Instant at, String action) {
		jdbc.sql("INSERT INTO mfa_failure (id, person_id, failed_at) VALUES (?, ?, ?)")
			.params(UUID.randomUUID(), person.value(), Timestamp.from(at))
			.update();
		refused(person, action, AuditEntry.Outcome.FAILURE);
	}

	private void refused(PersonId person, String action, AuditEntry.Outcome outcome) {
		audit.record(AuditEntry.of(person, action, "person", person.toString(), "authentication")
			.about(person)
			.outcome(outcome));
	}

	static String context(PersonId person) {
		return "totp:" + person;
	}

}
