package org.cpr.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps an identity provider's (issuer, subject) to a person. The first sign-in links by
 * the IdP's verified e-mail matching the roster; later sign-ins use the stored link only.
 * Unknown people are refused: single sign-on never creates accounts by itself. Under the
 * default link policy ({@link SsoLinkPolicy}) a person already linked to another provider
 * account is refused too.
 */
@Component
class OidcPersonMapper {

	/**
	 * Error codes of refused sign-ins; {@link OidcFailureHandler} turns each into its own
	 * message.
	 */
	static final String UNKNOWN = "cpr_not_on_roster";
	static final String UNVERIFIED = "cpr_email_unverified";
	static final String INACTIVE = "cpr_person_inactive";
	static final String ALREADY_LINKED = "cpr_already_linked";

	private final JdbcClient jdbc;

	private final PersonRepository people;

	private final PersonUserDetailsService users;

	private final AuditPort audit;

	private final SsoLinkPolicy policy;

	private final java.time.Clock clock;

	OidcPersonMapper(JdbcClient jdbc, PersonRepository people, PersonUserDetailsService users, AuditPort audit,
			SsoLinkPolicy policy, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.users = users;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
	}

	@Transactional
	CprOidcUser map(OidcUser oidc) {
		String issuer = oidc.getIssuer() == null ? "" : oidc.getIssuer().toString();
		String subject = oidc.getSubject();
		Optional<Person> linked = jdbc.sql("SELECT person_id FROM external_identity WHERE issuer = ? AND subject = ?")
			.params(issuer, subject)
			.query(UUID.class)
			.optional()
			.flatMap(people::findById);
		Person person = linked.orElseGet(() -> linkByVerifiedEmail(oidc, issuer, subject));
		if (!person.isActive()) {
			throw refused(INACTIVE);
		}
		CprUser user = users.toUser(person);
		return new CprOidcUser(user, oidc.getIdToken(), oidc.getUserInfo());
	}

	private Person linkByVerifiedEmail(OidcUser oidc, String issuer, String subject) {
		if (oidc.getEmail() == null || !Boolean.TRUE.equals(oidc.getEmailVerified())) {
			// a provider that sends no email_verified claim is treated as unverified:
			// link such people by hand
			throw refused(UNVERIFIED);
		}
		Person person = people.findByEmailIgnoreCase(oidc.getEmail()).orElseThrow(() -> refused(UNKNOWN));
		if (!policy.allowsSeveral() && jdbc.sql("SELECT COUNT(*) FROM external_identity WHERE person_id = ?")
			.param(person.getId())
			.query(Long.class)
			.single() > 0) {
			// first-only: another provider account is already linked to this person (a
			// second account, or an address reassigned at the provider); an administrator
			// removes the old link first
			throw refused(ALREADY_LINKED);
		}
		jdbc.sql("INSERT INTO external_identity (id, person_id, issuer, subject, linked_at) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), person.getId(), issuer, subject, java.sql.Timestamp.from(clock.instant()))
			.update();
		audit.record(
				AuditEntry.success(new PersonId(person.getId()), "SSO_LINKED", "person", person.getId().toString()));
		return person;
	}

	private static OAuth2AuthenticationException refused(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, "Sign-in refused: " + code, null));
	}

}
