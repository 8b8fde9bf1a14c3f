package org.cpr.safety.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tier-1 alerts of the demo campus have someone to go to, the clinician sees who is on
 * call, and production refuses to start when an alert could reach nobody.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertChannelTests {

	@Autowired
	OnCallRota rota;

	@Autowired
	DemoOnCallSeeder seeder;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MockMvc mvc;

	@Test
	void theDemoPutsItsClinicianOnCallAndTheClinicianSeesIt() throws Exception {
		rota.replace(List.of());
		try {
			demoRotaIsSeededAndShown();
		}
		finally {
			rota.replace(List.of());
		}
	}

	void demoRotaIsSeededAndShown() throws Exception {
		assertThat(seeder.seed()).isTrue();
		var clinician = identity.byUsername("clinician").orElseThrow();
		assertThat(rota.ladder()).containsExactly(clinician.id().value());
		assertThat(seeder.seed()).as("an existing rota is left alone").isFalse();

		CprUser me = new CprUser(clinician.id(), "clinician", null, clinician.displayName(),
				Set.of(new ScopedRole(Role.RESILIENCE_CLINICIAN, new OrgUnitId(UUID.randomUUID()))), true, true);
		String inbox = mvc.perform(get("/clinician/alerts").with(signedIn(me)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inbox).contains("id=\"oncall-rota\"").contains(clinician.displayName());
	}

	@Test
	void productionRefusesToStartWithoutARotaOrAMailbox() {
		rota.replace(List.of());
		try {
			assertThatThrownBy(() -> new AlertChannelGuard(rota, "").check())
				.isInstanceOf(NoAlertChannelException.class);
			new AlertChannelGuard(rota, "safety@campus.example.org").check();
			rota.replace(List.of(UUID.randomUUID()));
			new AlertChannelGuard(rota, "").check();
		}
		finally {
			rota.replace(List.of());
		}
		FailureAnalysis analysis = new NoAlertChannelAnalyzer()
			.analyze(new IllegalStateException("Failed to execute ApplicationRunner", new NoAlertChannelException()));
		assertThat(analysis.getDescription()).doesNotContain("\n")
			.contains("on-call rota")
			.contains("cpr.safety.mailbox");
	}

}
