package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The register and the board over the API, role by role, with the pages' rules:
 * facilitators, program directors and administrators read the register, everyone signed
 * in reads the board, nobody without a token reads either.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CqiApiTests {

	static final Map<String, String> TOKENS = new LinkedHashMap<>();

	static {
		TOKENS.put("participant", "cpr_demo_participant_4f7d2c9a1b6e8035");
		TOKENS.put("facilitator", "cpr_demo_facilitator_c81b4e6d0a2f9357");
		TOKENS.put("program director", "cpr_demo_program_director_2b9f6a0d4c8e1735");
		TOKENS.put("administrator", "cpr_demo_administrator_e4a7c1f9b3d06285");
		TOKENS.put("system admin", "cpr_demo_system_admin_8a1d4f6c2e9b0573");
		TOKENS.put("privacy officer", "cpr_demo_privacy_officer_3c9e1a7f5b0d2864");
		TOKENS.put("researcher", "cpr_demo_researcher_0f6b8d2e9a4c7351");
		TOKENS.put("peer supporter", "cpr_demo_peer_supporter_5e2a9d7b0f4c8613");
		TOKENS.put("group leader", "cpr_demo_group_leader_9a3e5b7c2d1f4068");
		TOKENS.put("resilience clinician", "cpr_demo_resilience_clinician_7d0c3f8a5e1b9246");
	}

	static final Set<String> REGISTER_READERS = Set.of("facilitator", "program director", "administrator");

	/**
	 * Roles that need a second factor, by their demo login: until that person has
	 * enrolled one (other tests of the shared context may have), their tokens are refused
	 * (401) on every operation, as on every other API.
	 */
	static final Map<String, String> SECOND_FACTOR_ROLES = Map.of("system admin", "sysadmin", "privacy officer",
			"privacy", "resilience clinician", "clinician");

	@Autowired
	JdbcClient jdbc;

	boolean withoutSecondFactor(String role) {
		String login = SECOND_FACTOR_ROLES.get(role);
		return login != null && !jdbc.sql("SELECT mfa_enabled FROM person WHERE username = ?")
			.param(login)
			.query(Boolean.class)
			.single();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	@Test
	void everyRoleGetsWhatItsPagesWouldShow() throws Exception {
		String title = "Night-float handoffs " + UUID.randomUUID();
		UUID item = register.create(new ItemDraft(title, "Handoffs after nights run late.", null, null, null,
				CqiCategory.values()[0], null, null), new PersonId(UUID.randomUUID()));
		String said = "Handoffs run late " + UUID.randomUUID();
		register.publish(item, said, "A fixed 07:00 handoff slot.", new PersonId(UUID.randomUUID()));
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, String> role : TOKENS.entrySet()) {
			boolean reads = REGISTER_READERS.contains(role.getKey());
			int refused = withoutSecondFactor(role.getKey()) ? 401 : 403;
			expect(wrong, role.getKey(), "/api/v1/cqi/items", reads ? 200 : refused, reads ? title : null);
			expect(wrong, role.getKey(), "/api/v1/cqi/items/" + item, reads ? 200 : refused, reads ? title : null);
			expect(wrong, role.getKey(), "/api/v1/cqi/items/" + UUID.randomUUID(), reads ? 404 : refused, null);
			expect(wrong, role.getKey(), "/api/v1/cqi/board", refused == 401 ? 401 : 200, refused == 401 ? null : said);
		}
		for (String path : List.of("/api/v1/cqi/items", "/api/v1/cqi/board")) {
			MvcResult anonymous = mvc.perform(get(path)).andReturn();
			if (anonymous.getResponse().getStatus() != 401) {
				wrong.add("no token " + path + " → " + anonymous.getResponse().getStatus());
			}
		}
		assertThat(wrong).as("role × endpoint answers that differ from the pages").isEmpty();
	}

	@Test
	void theBoardNamesNoReporter() throws Exception {
		String body = mvc
			.perform(get("/api/v1/cqi/board").header("Authorization", "Bearer " + TOKENS.get("participant")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("createdBy").doesNotContain("reporter").doesNotContain("personId");
	}

	private void expect(List<String> wrong, String role, String path, int status, String contains) throws Exception {
		MvcResult result = mvc.perform(get(path).header("Authorization", "Bearer " + TOKENS.get(role))).andReturn();
		int actual = result.getResponse().getStatus();
		String type = String.valueOf(result.getResponse().getContentType());
		if (actual != status || (actual >= 400 && !type.contains("problem+json"))
				|| (contains != null && !result.getResponse().getContentAsString().contains(contains))) {
			wrong.add(role + " " + path + " → " + actual + " " + type + " (expected " + status + ")");
		}
	}

}
