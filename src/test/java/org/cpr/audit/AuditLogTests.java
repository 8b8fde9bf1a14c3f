package org.cpr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTests {

	@Autowired
	AuditPort port;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate tx;

	void write(String action, PersonId subject) {
		tx.executeWithoutResult(s -> port.record(new AuditEntry(new PersonId(UUID.randomUUID()), action, "person",
				UUID.randomUUID().toString(), subject, "test", AuditEntry.Outcome.SUCCESS, null)));
	}

	@Test
	void theChainVerifiesAndRowsCannotBeChangedOrDeleted() {
		write("TEST_ONE", null);
		write("TEST_TWO", null);
		ChainVerification check = log.verify();
		assertThat(check.intact()).isTrue();
		assertThat(check.rowsChecked()).isGreaterThanOrEqualTo(2);
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET action = 'FORGED' WHERE action = 'TEST_ONE'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE action = 'TEST_TWO'").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void privacyOfficerSearchesAndTheSearchIsAudited() throws Exception {
		PersonId subject = new PersonId(UUID.randomUUID());
		write("TEST_SUBJECT_VIEWED", subject);
		CprUser officer = as(Role.PRIVACY_OFFICER);
		mvc.perform(get("/audit").param("subject", subject.toString()).with(signedIn(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("TEST_SUBJECT_VIEWED")))
			.andExpect(content().string(containsString("Hash chain intact")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'AUDIT_LOG_SEARCHED' AND actor_id = ?")
			.param(officer.personId().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/audit").param("actor", "not-a-uuid").with(signedIn(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a full person id")));
		for (Role role : new Role[] { Role.PARTICIPANT, Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR,
				Role.SYSTEM_ADMIN }) {
			mvc.perform(get("/audit").with(signedIn(as(role)))).andExpect(status().isForbidden());
		}
	}

	@Test
	void aPersonSeesWhoAccessedTheirRecords() throws Exception {
		CprUser me = as(Role.PARTICIPANT);
		write("SAFETY_ALERT_VIEWED", me.personId());
		mvc.perform(get("/account/access-log").with(signedIn(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SAFETY_ALERT_VIEWED")));
		mvc.perform(get("/account/access-log").with(signedIn(as(Role.PARTICIPANT))))
			.andExpect(content().string(containsString("No entries")));
	}

	@Test
	void verificationIsAvailableOverTheApiToPrivacyOfficersOnly() throws Exception {
		// a privacy officer's token works only once two-step sign-in is enrolled (I-25)
		jdbc.sql("UPDATE person SET mfa_enabled = TRUE WHERE username = 'privacy'").update();
		try {
			mvc.perform(get("/api/v1/audit/verify").header("Authorization",
					"Bearer cpr_demo_privacy_officer_3c9e1a7f5b0d2864"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(true));
		}
		finally {
			jdbc.sql("UPDATE person SET mfa_enabled = FALSE WHERE username = 'privacy'").update();
		}
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer cpr_demo_participant_4f7d2c9a1b6e8035"))
			.andExpect(status().isForbidden());
	}

}
