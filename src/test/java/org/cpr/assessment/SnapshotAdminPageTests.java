package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.cpr.shared.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The battery and next-step page renders for every role allowed to open it, and for no
 * other.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SnapshotAdminPageTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "ADMINISTRATOR", "FACILITATOR", "SYSTEM_ADMIN" })
	void rendersForEveryRoleAllowedToOpenIt(Role role) throws Exception {
		MvcResult page = mvc.perform(get("/snapshot/admin").with(signedIn(as(role)))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("name=\"instrument_0\"")
			.contains("name=\"fallbackText\"");
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "PARTICIPANT", "PROGRAM_DIRECTOR", "RESEARCHER" })
	void isRefusedToEveryOtherRole(Role role) throws Exception {
		assertThat(mvc.perform(get("/snapshot/admin").with(signedIn(as(role)))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

}
