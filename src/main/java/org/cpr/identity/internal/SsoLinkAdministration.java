package org.cpr.identity.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.SsoLinks;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class SsoLinkAdministration implements SsoLinks {

	private final JdbcClient jdbc;

	private final AuditPort audit;

	private final SsoLinkPolicy policy;

	SsoLinkAdministration(JdbcClient jdbc, AuditPort audit, SsoLinkPolicy policy) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.policy = policy;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SsoLink> all() {
		return jdbc.sql("""
				SELECT x.id, x.person_id, p.display_name, p.username, x.issuer, x.subject, x.linked_at
				FROM external_identity x JOIN person p ON p.id = x.person_id
				ORDER BY x.linked_at DESC, p.display_name
				LIMIT 500""").query((rs, n) -> {
			Timestamp at = rs.getTimestamp(7);
			return new SsoLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), at == null ? null : at.toInstant());
		}).list();
	}

	@Override
	public String policy() {
		return policy.name();
	}

	@Override
	@Transactional
	public boolean remove(UUID linkId, PersonId by) {
		UUID person = jdbc.sql("SELECT person_id FROM external_identity WHERE id = ?")
			.param(linkId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (person == null) {
			return false;
		}
		jdbc.sql("DELETE FROM external_identity WHERE id = ?").param(linkId).update();
		audit.record(AuditEntry.administration(by, "SSO_UNLINKED", "external_identity", linkId.toString())
			.about(new PersonId(person)));
		return true;
	}

}
