package org.cpr.survey;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Set;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in users for survey tests (fresh person ids, so tests do not share state). */
final class SurveyTestSupport {

	private SurveyTestSupport() {
	}

	static CprUser person(Role role) {
		OrgUnitId scope = new OrgUnitId(UUID.randomUUID());
		return new CprUser(new PersonId(UUID.randomUUID()), "u" + UUID.randomUUID(), "x", "Test",
				new java.util.HashSet<>(
						java.util.List.of(new ScopedRole(role, scope), new ScopedRole(Role.PARTICIPANT, scope))),
				false, true);
	}

	static RequestPostProcessor as(CprUser u) {
		return user(u);
	}

}
