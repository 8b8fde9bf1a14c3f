package org.cpr.cqi;

import static org.cpr.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The evidence and per-hospital report on PostgreSQL, where the gate's ledger writes must
 * not run read-only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
@Import(MutableClockConfiguration.class)
class CqiEvidencePostgresIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	SpeakUpChannel channel;

	@Autowired
	ImprovementRegister register;

	@Autowired
	CqiEvidence evidence;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Test
	void itemEvidenceAndTheHospitalReportAndPdfWorkOnPostgres() throws Exception {
		clock.set(java.time.Instant.parse("2027-04-05T09:00:00Z"));
		OrgUnitId uh = identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL)
			.stream()
			.filter(h -> h.code().equals("UH"))
			.findFirst()
			.orElseThrow()
			.id();
		for (int i = 0; i < 13; i++) {
			channel.submit(new ReportSubmission(ReportChannel.SYSTEMIC, CqiCategory.PATIENT_SAFETY, uh.value(), null,
					"pg report " + i, false), UUID.randomUUID().toString(), null);
		}
		clock.advance(Duration.ofDays(8));
		CprUser facilitator = as(Role.FACILITATOR);
		UUID item = register.create(new ItemDraft("PG sepsis handoffs", "Problem", uh.value(), null, null,
				CqiCategory.PATIENT_SAFETY, null, null), facilitator.personId());
		evidence.addCount(item, uh, CqiCategory.PATIENT_SAFETY, Quarter.parse("2027-Q2").orElseThrow(),
				facilitator.personId());
		evidence.releaseQuote(item, evidence.addQuote(item, "PG released quote", facilitator.personId()),
				facilitator.personId());
		CprUser director = as(Role.PROGRAM_DIRECTOR);
		mvc.perform(get("/cqi/items/" + item).with(user(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong class=\"evidence-count\">13</strong>")))
			.andExpect(content().string(containsString("<q>PG released quote</q>")));
		mvc.perform(get("/cqi/report").param("hospital", uh.value().toString()).with(user(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PG released quote")));
		mvc.perform(get("/cqi/report.pdf").param("hospital", uh.value().toString()).with(user(director)))
			.andExpect(status().isOk());
	}

}
