package org.cpr.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.PasswordPolicy;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in person's own account: password and personal access tokens. */
@Service
public class Accounts {

    private final PersonRepository people;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AccessTokens tokens;
    private final AccessTokenRepository tokenRepository;
    private final AuditPort audit;

    Accounts(PersonRepository people, PasswordEncoder encoder, PasswordPolicy policy, AccessTokens tokens,
             AccessTokenRepository tokenRepository, AuditPort audit) {
        this.people = people;
        this.encoder = encoder;
        this.policy = policy;
        this.tokens = tokens;
        this.tokenRepository = tokenRepository;
        this.audit = audit;
    }

    /** The outcome of a password change: empty when done, else message keys per field. */
    public record PasswordProblems(List<String> current, List<String> replacement, List<String> confirmation) {
        public boolean none() {
            return current.isEmpty() && replacement.isEmpty() && confirmation.isEmpty();
        }
    }

    @Transactional
    public PasswordProblems changePassword(PersonId who, String current, String replacement, String confirmation) {
        Person person = people.findById(who.value()).orElseThrow();
        List<String> currentProblems = person.getPasswordHash() != null && encoder.matches(current == null ? "" : current,
                person.getPasswordHash()) ? List.of() : List.of("password.current.wrong");
        List<String> replacementProblems = policy.violations(replacement, person.getUsername());
        List<String> confirmationProblems = replacement != null && replacement.equals(confirmation)
                ? List.of() : List.of("password.confirmation.mismatch");
        PasswordProblems problems = new PasswordProblems(currentProblems, replacementProblems, confirmationProblems);
        if (problems.none()) {
            person.changePassword(encoder.encode(replacement));
            audit.record(AuditEntry.success(who, "PASSWORD_CHANGED", "person", who.toString()));
        }
        return problems;
    }

    public List<AccessToken> tokensOf(PersonId who) {
        return tokenRepository.findByPersonIdOrderByCreatedAtDesc(who.value());
    }

    @Transactional
    public AccessTokens.Issued createToken(PersonId who, String name, int days) {
        AccessTokens.Issued issued = tokens.issue(who.value(), name.strip(), Duration.ofDays(days));
        audit.record(AuditEntry.success(who, "ACCESS_TOKEN_CREATED", "access_token", issued.id().toString()));
        return issued;
    }

    @Transactional
    public boolean revokeToken(PersonId who, UUID tokenId) {
        boolean revoked = tokens.revoke(who.value(), tokenId);
        if (revoked) {
            audit.record(AuditEntry.success(who, "ACCESS_TOKEN_REVOKED", "access_token", tokenId.toString()));
        }
        return revoked;
    }
}
