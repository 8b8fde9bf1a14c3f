package org.cpr.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.Role;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A privacy officer registers a protocol; the researcher it names exports within it, and
 * only within it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	EvaluationConsent consent;

	@Autowired
	ResearchExports exports;

	@Autowired
	org.cpr.support.MutableClock clock;

	EvaluationFixtures fixtures;

	CprUser privacy;

	CprUser researcher;

	/**
	 * IRB numbers are unique: a suffix per run lets the PostgreSQL variant run again on
	 * the same database.
	 */
	final String run = UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void data() {
		clock.set(java.time.Instant.parse("2026-03-02T09:00:00Z"));
		fixtures = new EvaluationFixtures(jdbc, identity);
		privacy = fixtures.signedIn("privacy", Role.PRIVACY_OFFICER, "CAMPUS");
		researcher = fixtures.signedIn("researcher", Role.RESEARCHER, "CAMPUS");
		// medical students of one program: 10 people, 8 of whom consent (the test clock
		// stands on 2026-03-02)
		List<PersonSummary> students = fixtures.programPeople("PRG-MD");
		for (int i = 0; i < students.size(); i++) {
			fixtures.who5(students.get(i).id(), LocalDate.of(2026, 1, 5), 40 + i);
			fixtures.who5(students.get(i).id(), LocalDate.of(2026, 2, 20), 48 + i);
			consent.decide(students.get(i).id(), i < 8); // explicit either way: other
															// tests may have asked these
															// people before
		}
	}

	MockHttpServletRequestBuilder register(String irb, String expires, String elements) {
		MockHttpServletRequestBuilder r = post("/research/protocols").with(csrf())
			.with(signedIn(privacy))
			.param("irbNumber", irb)
			.param("title", "Resilience curriculum outcomes")
			.param("principalInvestigator", "Dr. Avery Kim")
			.param("approvedOn", "2026-01-01")
			.param("expiresOn", expires)
			.param("researchers", "researcher");
		for (String e : elements.split(",")) {
			r.param("elements", e);
		}
		return r;
	}

	UUID protocolId(String irb) {
		return exports.protocols().stream().filter(p -> p.irbNumber().equals(irb)).findFirst().orElseThrow().id();
	}

	MockHttpServletRequestBuilder export(UUID id, String... elements) {
		return exportWindow(id, "2026-01-01", "2026-02-28", elements);
	}

	MockHttpServletRequestBuilder exportWindow(UUID id, String from, String to, String... elements) {
		MockHttpServletRequestBuilder r = post("/research/export").with(csrf())
			.with(signedIn(researcher))
			.param("protocol", id.toString())
			.param("from", from)
			.param("to", to);
		for (String e : elements) {
			r.param("elements", e);
		}
		return r;
	}

	@Test
	void theResearcherExportsDeidentifiedScoresOfConsentingPeopleOnlyAndTheSameTwice() throws Exception {
		mvc.perform(register("IRB-2026-0042-" + run, "2026-12-31", "SNAPSHOT_DATE,TRAINEE_TYPE,TRAINING_LEVEL,WHO5"))
			.andExpect(redirectedUrl("/research/protocols?registered"));
		UUID id = protocolId("IRB-2026-0042-" + run);
		mvc.perform(get("/research").with(signedIn(researcher)))
			.andExpect(content().string(containsString("IRB-2026-0042-" + run)));
		String csv = mvc.perform(export(id, "SNAPSHOT_DATE", "TRAINEE_TYPE", "TRAINING_LEVEL", "WHO5"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					containsString("cpr-export-IRB-2026-0042-" + run + "-2026-01-01-2026-02-28.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> lines = csv.lines().toList();
		assertThat(lines.getFirst())
			.isEqualTo("record_id,study_id,event_date,trainee_type,training_level,instrument,score");
		// the 8 consenting people, each with their snapshots; the other two are not there
		java.util.Map<String, Long> rowsPerPerson = lines.stream()
			.skip(1)
			.collect(java.util.stream.Collectors.groupingBy(l -> l.split(",")[1],
					java.util.stream.Collectors.counting()));
		assertThat(rowsPerPerson).hasSize(8);
		assertThat(rowsPerPerson.values()).allMatch(n -> n >= 2 && n % 2 == 0);
		assertThat(csv).doesNotContain("Student").doesNotContain("@");
		assertThat(lines.stream().skip(1).map(l -> l.split(",")[2]).distinct().count()).as("dates shifted per person")
			.isGreaterThan(2);
		assertThat(lines.stream().skip(1).map(l -> l.split(",")[3] + "|" + l.split(",")[4]).distinct())
			.allMatch(c -> c.startsWith("medical_student|") || c.startsWith("any|"));
		String again = mvc.perform(export(id, "SNAPSHOT_DATE", "TRAINEE_TYPE", "TRAINING_LEVEL", "WHO5"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(csv);
		mvc.perform(export(id, "WHO5").param("what", "dictionary"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Variable / Field Name")))
			.andExpect(content().string(containsString("cpr_snapshot_scores")));
	}

	@Test
	void anElementOutsideTheProtocolOrAnExpiredProtocolExportsNothingAndSaysWhy() throws Exception {
		mvc.perform(register("IRB-2025-0007-" + run, "2026-02-01", "WHO5"))
			.andExpect(redirectedUrl("/research/protocols?registered"));
		mvc.perform(register("IRB-2026-0099-" + run, "2026-12-31", "WHO5"))
			.andExpect(redirectedUrl("/research/protocols?registered"));
		mvc.perform(export(protocolId("IRB-2025-0007-" + run), "WHO5"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("approval has expired")))
			.andExpect(content().string(containsString("Nothing was exported")));
		mvc.perform(export(protocolId("IRB-2026-0099-" + run), "WHO5", "PHQ2"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not approved for this protocol")));
		mvc.perform(exportWindow(protocolId("IRB-2026-0099-" + run), "2026-01-01", "2027-01-01", "WHO5"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not in the future")));
		mvc.perform(exportWindow(protocolId("IRB-2026-0099-" + run), "yesterday", "2026-02-28", "WHO5"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("could not be read")));
		Long denied = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'RESEARCH_EXPORT' AND outcome = 'DENIED'")
			.query(Long.class)
			.single();
		assertThat(denied).isGreaterThanOrEqualTo(3);
	}

	@Test
	void registrationErrorsKeepWhatWasEnteredAndOthersCannotExport() throws Exception {
		mvc.perform(register("IRB-2026-0100-" + run, "2025-12-31", "WHO5"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be before the approval date")))
			.andExpect(content().string(containsString("value=\"IRB-2026-0100-" + run + "\"")));
		mvc.perform(register("IRB-2026-0101-" + run, "2026-12-31", "WHO5").param("researchers", "nobody-here"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("researcher username is not known")));
		mvc.perform(get("/research").with(signedIn(fixtures.signedIn("admin", Role.ADMINISTRATOR, "CAMPUS"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/research/protocols").with(signedIn(researcher))).andExpect(status().isForbidden());
	}

}
