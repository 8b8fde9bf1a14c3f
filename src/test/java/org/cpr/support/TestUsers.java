package org.cpr.support;

import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.MfaSession;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in people for MockMvc tests, optionally past the second factor. */
public final class TestUsers {

	private TestUsers() {
	}

	public static CprUser as(Role role) {
		return new CprUser(new PersonId(UUID.randomUUID()), role.name().toLowerCase(), null, "Test " + role,
				Set.of(new ScopedRole(role, new OrgUnitId(UUID.randomUUID()))), false, true);
	}

	/** Signs {@code user} in and marks the session as having passed TOTP. */
	public static RequestPostProcessor signedIn(CprUser user) {
		RequestPostProcessor login = SecurityMockMvcRequestPostProcessors.user(user);
		return request -> {
			request.getSession(true).setAttribute(MfaSession.PASSED, user.personId().toString());
			return login.postProcessRequest(request);
		};
	}

}
