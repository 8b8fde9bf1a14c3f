package org.cpr.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enrols and checks the second factor. TOTP secrets are stored sealed; recovery codes as hashes. */
@Service
public class MfaEnrolment {

    private final PersonRepository people;
    private final Totp totp;
    private final SecretBox box;
    private final JdbcClient jdbc;
    private final AuditPort audit;
    private final Clock clock;

    MfaEnrolment(PersonRepository people, Totp totp, SecretBox box, JdbcClient jdbc, AuditPort audit, Clock clock) {
        this.people = people;
        this.totp = totp;
        this.box = box;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean isEnrolled(PersonId person) {
        return people.findById(person.value()).map(Person::isMfaEnabled).orElse(false);
    }

    /** Confirms enrolment with a first code; returns the fresh recovery codes, or empty if the code is wrong. */
    @Transactional
    public List<String> confirm(PersonId person, String pendingSecret, String code) {
        if (!totp.verify(pendingSecret, code)) {
            return List.of();
        }
        Person p = people.findById(person.value()).orElseThrow();
        p.enableMfa(box.seal(pendingSecret, context(person)));
        List<String> codes = totp.newRecoveryCodes();
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = ?").param(person.value()).update();
        for (String c : codes) {
            jdbc.sql("INSERT INTO mfa_recovery_code (id, person_id, code_hash) VALUES (?, ?, ?)")
                .params(UUID.randomUUID(), person.value(), Totp.hash(c)).update();
        }
        audit.record(AuditEntry.success(person, "MFA_ENROLLED", "person", person.toString()));
        return codes;
    }

    /** Checks a TOTP code, or else a one-time recovery code (used up by this call). */
    @Transactional
    public boolean verify(PersonId person, String code) {
        Person p = people.findById(person.value()).orElseThrow();
        if (!p.isMfaEnabled()) {
            return false;
        }
        if (totp.verify(box.open(p.getMfaSecret(), context(person)), code)) {
            return true;
        }
        if (code == null || code.isBlank()) {
            return false;
        }
        int used = jdbc.sql("UPDATE mfa_recovery_code SET used_at = ? WHERE person_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(Timestamp.from(clock.instant()), person.value(), Totp.hash(code)).update();
        if (used == 1) {
            audit.record(AuditEntry.success(person, "MFA_RECOVERY_CODE_USED", "person", person.toString()));
        }
        return used == 1;
    }

    private static String context(PersonId person) {
        return "totp:" + person;
    }
}
