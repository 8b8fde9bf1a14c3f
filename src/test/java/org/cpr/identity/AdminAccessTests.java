package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.Endpoint.read;
import static org.cpr.support.Endpoint.write;
import static org.cpr.support.TestUsers.as;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.Role;
import org.cpr.support.AccessMatrix;
import org.cpr.support.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Role × endpoint for the administration pages: administrators look at people and org
 * units, only system administrators change them or touch the roster and SSO links. A
 * refused role is turned away before the module is asked anything; that every change a
 * system administrator makes is audited needs the database:
 * {@link RosterAndAdministrationTests}.
 */
@AdminWebSlice
class AdminAccessTests {

	static final Set<Role> LOOKERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.ADMINISTRATOR);

	static final Set<Role> SYSTEM_ADMINS = EnumSet.of(Role.SYSTEM_ADMIN);

	static final UUID ID = UUID.randomUUID();

	static List<Endpoint> endpoints() {
		String person = "/admin/people/" + ID;
		return List.of(read("/admin/people", LOOKERS), read(person, LOOKERS), read("/admin/org-units", LOOKERS),
				read("/admin/people/new", SYSTEM_ADMINS), write("/admin/people", SYSTEM_ADMINS, "username", "x"),
				write(person, SYSTEM_ADMINS, "username", "x"), write(person + "/password", SYSTEM_ADMINS),
				write(person + "/grants", SYSTEM_ADMINS, "role", "SYSTEM_ADMIN", "unit", ID.toString()),
				write(person + "/grants/" + UUID.randomUUID() + "/revoke", SYSTEM_ADMINS),
				write("/admin/org-units", SYSTEM_ADMINS, "code", "X"),
				write("/admin/org-units/" + ID + "/rename", SYSTEM_ADMINS, "name", "x"),
				read("/admin/roster", SYSTEM_ADMINS), write("/admin/roster/apply", SYSTEM_ADMINS),
				read("/admin/roster/people.csv", SYSTEM_ADMINS), read("/admin/roster/org-units.csv", SYSTEM_ADMINS),
				read("/admin/sso-links", SYSTEM_ADMINS), write("/admin/sso-links/" + ID + "/remove", SYSTEM_ADMINS));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PeopleAdministration admin;

	@Autowired
	RosterImport importer;

	@Autowired
	RosterExport exporter;

	@Autowired
	SsoLinks links;

	@Test
	void everyRoleOutsideAnEndpointsRuleIsRefusedBeforeTheModuleIsAsked() throws Exception {
		// 3 pages administrators may look at (11 roles refused each), 14 for system
		// administrators (12 each)
		assertThat(matrix().refusesEveryRoleOutsideTheRules()).isEqualTo(3 * 11 + 14 * 12);
	}

	@Test
	void everyRoleInsideAnEndpointsRuleGetsPastSecurity() throws Exception {
		matrix().letsEveryRoleInsideTheRulesPastSecurity();
	}

	@Test
	void aSystemAdministratorWithoutTheSecondFactorIsSentToItFirst() throws Exception {
		for (Endpoint endpoint : endpoints()) {
			MockHttpServletResponse response = mvc
				.perform(endpoint.request()
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user(as(Role.SYSTEM_ADMIN)))
					.with(csrf()))
				.andReturn()
				.getResponse();
			assertThat(response.getRedirectedUrl()).as(endpoint.toString()).endsWith("/mfa/enrol");
		}
		verifyNoInteractions(admin, importer, exporter, links);
	}

	@Test
	void nobodySignedOutReachesAnyOfThem() throws Exception {
		matrix().turnsAwayEveryoneSignedOut();
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefusedEvenForASystemAdministrator() throws Exception {
		matrix().refusesFormPostsWithoutTheCsrfToken(Role.SYSTEM_ADMIN);
	}

	private AccessMatrix matrix() {
		return new AccessMatrix(mvc, endpoints(), admin, importer, exporter, links);
	}

}
