package org.cpr.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.AccessTokenSummary;
import org.cpr.identity.Accounts;
import org.cpr.identity.IssuedToken;
import org.cpr.identity.PasswordPolicy;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in person's own account: password and personal access tokens. */
@Service
class AccountService implements Accounts {

	private final PersonRepository people;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AccessTokens tokens;

	private final AccessTokenRepository tokenRepository;

	private final AuditPort audit;

	AccountService(PersonRepository people, PasswordEncoder encoder, PasswordPolicy policy, AccessTokens tokens,
			AccessTokenRepository tokenRepository, AuditPort audit) {
		this.people = people;
		this.encoder = encoder;
		this.policy = policy;
		this.tokens = tokens;
		this.tokenRepository = tokenRepository;
		this.audit = audit;
	}

	@Override
	@Transactional
	public PasswordProblems changePassword(PersonId who, String current, String replacement, String confirmation) {
		Person person = people.findById(who.value()).orElseThrow();
		List<String> currentProblems = person.getPasswordHash() != null
				&& encoder.matches(current == null ? "" : current, person.getPasswordHash()) ? List.of()
						: List.of("password.current.wrong");
		List<String> replacementProblems = policy.violations(replacement, person.getUsername());
		List<String> confirmationProblems = replacement != null && replacement.equals(confirmation) ? List.of()
				: List.of("password.confirmation.mismatch");
		PasswordProblems problems = new PasswordProblems(currentProblems, replacementProblems, confirmationProblems);
		if (problems.none()) {
			person.changePassword(encoder.encode(replacement));
			audit.record(AuditEntry.success(who, "PASSWORD_CHANGED", "person", who.toString()));
		}
		return problems;
	}

	@Override
	public List<AccessTokenSummary> tokensOf(PersonId who) {
		return tokenRepository.findByPersonIdOrderByCreatedAtDesc(who.value())
			.stream()
			.map(t -> new AccessTokenSummary(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(),
					t.getExpiresAt(), t.getLastUsedAt(), t.getRevokedAt()))
			.toList();
	}

	@Override
	@Transactional
	public IssuedToken createToken(PersonId who, String name, int days) {
		AccessTokens.Issued issued = tokens.issue(who.value(), name.strip(), Duration.ofDays(days));
		audit.record(AuditEntry.success(who, "ACCESS_TOKEN_CREATED", "access_token", issued.id().toString()));
		return new IssuedToken(issued.id(), issued.secret(), issued.expiresAt());
	}

	@Override
	@Transactional
	public boolean revokeToken(PersonId who, UUID tokenId) {
		boolean revoked = tokens.revoke(who.value(), tokenId);
		if (revoked) {
			audit.record(AuditEntry.success(who, "ACCESS_TOKEN_REVOKED", "access_token", tokenId.toString()));
		}
		return revoked;
	}

}
