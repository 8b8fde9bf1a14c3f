package org.cpr.identity;

import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administration forms when something is wrong: each problem at its field in the
 * administrator's words, what was typed kept, nothing created. Whether a user name is
 * really taken is the database's answer: {@link RosterAndAdministrationTests}.
 */
@AdminWebSlice
class AdminFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PeopleAdministration admin;

	@Test
	void aNewPersonWithAnEmailThatIsNotOneAndNoNameIsShownAgainWithBothProblems() throws Exception {
		mvc.perform(post("/admin/people").with(signedIn(as(Role.SYSTEM_ADMIN)))
			.with(csrf())
			.param("username", "kept.username")
			.param("email", "x")
			.param("displayName", "")
			.param("traineeType", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This is not an e-mail address")))
			.andExpect(content().string(containsString("Give the person&#39;s name")))
			.andExpect(content().string(containsString("Choose a trainee type")))
			.andExpect(content().string(containsString("value=\"kept.username\"")));
		verify(admin, never()).create(any(), any());
	}

	@Test
	void aUserNameTheDirectoryAlreadyHasIsNamedAtItsField() throws Exception {
		org.mockito.Mockito.when(admin.usernameTaken("resident", null)).thenReturn(true);
		mvc.perform(post("/admin/people").with(signedIn(as(Role.SYSTEM_ADMIN)))
			.with(csrf())
			.param("username", "resident")
			.param("email", "new.person@example.edu")
			.param("displayName", "New Person")
			.param("traineeType", "RESIDENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone already has this user name")))
			.andExpect(content().string(containsString("value=\"new.person@example.edu\"")));
		verify(admin, never()).create(any(), any());
	}

	@Test
	void anOrgUnitWithoutCodeOrParentIsShownAgainWithBothProblems() throws Exception {
		mvc.perform(post("/admin/org-units").with(signedIn(as(Role.SYSTEM_ADMIN)))
			.with(csrf())
			.param("code", "")
			.param("name", "Kept unit name")
			.param("kind", "PROGRAM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give a short code")))
			.andExpect(content().string(containsString("Only an institution stands alone")))
			.andExpect(content().string(containsString("value=\"Kept unit name\"")));
		verify(admin, never()).createUnit(any(), any(), any(), any(), any());
	}

}
