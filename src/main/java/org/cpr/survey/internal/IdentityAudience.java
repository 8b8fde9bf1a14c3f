package org.cpr.survey.internal;

import java.util.List;
import java.util.UUID;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.survey.Audience;
import org.springframework.stereotype.Component;

/** Resolves a campaign audience to people through the identity module's public API. */
@Component
class IdentityAudience {

	record Member(PersonId person, UUID unit) {
	}

	private final IdentityManagement identity;

	IdentityAudience(IdentityManagement identity) {
		this.identity = identity;
	}

	List<Member> resolve(Audience audience) {
		List<OrgUnitId> units = audience.units().stream().map(OrgUnitId::new).toList();
		return identity.audience(units, audience.types(), audience.roles())
			.stream()
			.map(IdentityAudience::member)
			.toList();
	}

	private static Member member(PersonSummary p) {
		OrgUnitId unit = p.program() != null ? p.program() : p.department();
		return new Member(p.id(), unit == null ? null : unit.value());
	}

}
