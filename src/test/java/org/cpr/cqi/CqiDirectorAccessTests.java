package org.cpr.cqi;

import static org.cpr.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A program director sees aggregated and released material only — never an original
 * report, a confidential reporter, or a quote no reviewer released — on every page the
 * role may open, with real stored reports and quotes; a reviewer cannot release a quote
 * through another item or a guessed id. That the director is refused (403) on every
 * reviewer endpoint, whatever the id, is the role × endpoint matrix of
 * {@link CqiAccessTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class CqiDirectorAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SpeakUpChannel channel;

	@Autowired
	ImprovementRegister register;

	@Autowired
	CqiEvidence evidence;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	final CprUser director = as(Role.PROGRAM_DIRECTOR);

	final CprUser facilitator = as(Role.FACILITATOR);

	@Test
	void aProgramDirectorSeesOnlyReleasedTextOnEveryPageTheyMayOpen() throws Exception {
		PersonId reporter = new PersonId(UUID.randomUUID());
		channel.submit(new ReportSubmission(ReportChannel.SYSTEMIC, CqiCategory.WORKFLOW, null, null,
				"ORIGINAL-SYSTEMIC-TEXT pager at 3am", false), UUID.randomUUID().toString(), null);
		channel.submit(new ReportSubmission(ReportChannel.MISTREATMENT, CqiCategory.MISTREATMENT, null, null,
				"ORIGINAL-MISTREATMENT-TEXT", true), UUID.randomUUID().toString(), reporter);
		clock.advance(Duration.ofDays(8));
		channel.releaseDueReports();
		UUID systemic = jdbc.sql("SELECT id FROM cqi_report WHERE body LIKE 'ORIGINAL-SYSTEMIC%'")
			.query(UUID.class)
			.single();
		channel.release(systemic, "RELEASED-REDACTED pager overnight", facilitator.personId());
		UUID item = register.create(
				new ItemDraft("Night pager load", "Problem", null, null, null, CqiCategory.WORKFLOW, null, null),
				facilitator.personId());
		UUID draft = evidence.addQuote(item, "UNRELEASED-DRAFT-QUOTE", facilitator.personId());
		UUID guessed = UUID.randomUUID();

		for (String page : List.of("/cqi/items/" + item, "/cqi/released", "/cqi/report", "/cqi/board", "/cqi/items",
				"/cqi/items.csv")) {
			mvc.perform(get(page).with(user(director)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("ORIGINAL-"))))
				.andExpect(content().string(not(containsString("UNRELEASED-DRAFT-QUOTE"))))
				.andExpect(content().string(not(containsString(reporter.value().toString()))));
		}
		mvc.perform(get("/cqi/released").with(user(director)))
			.andExpect(content().string(containsString("RELEASED-REDACTED pager overnight")));
		// the facilitator, a CQI reviewer, does see the draft — the test above can fail
		mvc.perform(get("/cqi/items/" + item).with(user(facilitator)))
			.andExpect(content().string(containsString("UNRELEASED-DRAFT-QUOTE")));
		// a reviewer releasing a quote of another item, or a guessed quote id, gets 404
		UUID other = register.create(new ItemDraft("Other", "Problem", null, null, null, CqiCategory.OTHER, null, null),
				facilitator.personId());
		mvc.perform(post("/cqi/items/" + other + "/evidence/quotes/" + draft + "/release").with(user(facilitator))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/cqi/items/" + item + "/evidence/quotes/" + guessed + "/release").with(user(facilitator))
			.with(csrf())).andExpect(status().isNotFound());
	}

}
