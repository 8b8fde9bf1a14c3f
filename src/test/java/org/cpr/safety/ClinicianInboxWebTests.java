package org.cpr.safety;

import static org.cpr.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ClinicianInboxWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SafetyAlerts alerts;

	@Autowired
	JdbcClient jdbc;

	UUID anAlert() {
		return alerts.raise(new SafetyConcern("survey-response", UUID.randomUUID().toString(),
				new PersonId(UUID.randomUUID()), null, AlertTier.TIER_1, Set.of("PHQ9_ITEM9")));
	}

	@Test
	void noOtherRoleCanOpenTheInboxOrAnAlert() throws Exception {
		UUID id = anAlert();
		for (Role role : Role.values()) {
			if (role == Role.RESILIENCE_CLINICIAN) {
				continue;
			}
			mvc.perform(get("/clinician/alerts").with(signedIn(as(role)))).andExpect(status().isForbidden());
			mvc.perform(get("/clinician/alerts/" + id).with(signedIn(as(role)))).andExpect(status().isForbidden());
			mvc.perform(post("/clinician/alerts/" + id + "/acknowledge").with(signedIn(as(role))).with(csrf()))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void clinicianSeesTheAlertAndEveryViewIsAudited() throws Exception {
		UUID id = anAlert();
		CprUser clinician = as(Role.RESILIENCE_CLINICIAN);
		mvc.perform(get("/clinician/alerts").with(signedIn(clinician)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/clinician/alerts/" + id)));
		mvc.perform(get("/clinician/alerts/" + id).with(signedIn(clinician)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PHQ-9 item 9 above zero")));
		int views = jdbc.sql(
				"SELECT COUNT(*) FROM audit_log WHERE action = 'SAFETY_ALERT_VIEWED' AND record_id = ? AND actor_id = ?")
			.params(id.toString(), clinician.personId().value())
			.query(Integer.class)
			.single();
		org.assertj.core.api.Assertions.assertThat(views).isEqualTo(1);
	}

	@Test
	void guessedAlertIdsAreNotFound() throws Exception {
		mvc.perform(get("/clinician/alerts/" + UUID.randomUUID()).with(signedIn(as(Role.RESILIENCE_CLINICIAN))))
			.andExpect(status().isNotFound());
	}

	@Test
	void dispositionWithoutChoicesShowsFieldErrors() throws Exception {
		UUID id = anAlert();
		mvc.perform(post("/clinician/alerts/" + id + "/disposition").with(signedIn(as(Role.RESILIENCE_CLINICIAN)))
			.with(csrf())
			.param("disposition", "UNABLE_TO_REACH_RETRY_SCHEDULED")
			.param("risk", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose the assessed risk level")))
			.andExpect(content().string(containsString("Give the date of the next contact attempt")));
	}

	@Test
	void clinicianAcknowledgesThenCloses() throws Exception {
		UUID id = anAlert();
		CprUser clinician = as(Role.RESILIENCE_CLINICIAN);
		mvc.perform(post("/clinician/alerts/" + id + "/acknowledge").with(signedIn(clinician)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/clinician/alerts/" + id + "/disposition").with(signedIn(clinician))
			.with(csrf())
			.param("disposition", "REFERRED")
			.param("risk", "MODERATE")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/clinician/alerts/" + id).with(signedIn(clinician)))
			.andExpect(content().string(containsString("Closed with")));
	}

}
