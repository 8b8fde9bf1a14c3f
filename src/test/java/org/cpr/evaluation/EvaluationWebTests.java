package org.cpr.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.PersonId;
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

/**
 * Reach, relative impact and consent as a program's people see them, on data the courses
 * and assessment modules store (academic year 2031–32, which no other test touches).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EvaluationWebTests {

	static final int YEAR = 2031;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	EvaluationConsent consent;

	EvaluationFixtures fixtures;

	CprUser admin;

	List<PersonSummary> internalMedicine;

	List<PersonSummary> others;

	@BeforeAll
	void data() {
		fixtures = new EvaluationFixtures(jdbc, identity);
		admin = fixtures.signedIn("admin", Role.ADMINISTRATOR, "CAMPUS");
		internalMedicine = fixtures.programPeople("PRG-IM")
			.stream()
			.filter(p -> p.traineeType() == org.cpr.identity.TraineeType.RESIDENT)
			.toList();
		others = java.util.stream.Stream
			.concat(fixtures.programPeople("PRG-MD").stream(), fixtures.programPeople("PRG-GS").stream())
			.toList();
		List<PersonSummary> attendees = internalMedicine;
		fixtures.attended("WORKSHOP", LocalDate.of(YEAR, 10, 6), attendees.stream().map(PersonSummary::id).toList());
		// WHO-5 in September and in March: attendees gain about 12 points, the others
		// stay level
		// whole programs, so that no set the gate sees splits a group into a part of
		// fewer than 5
		assertThat(attendees).hasSize(10);
		assertThat(others).hasSize(17);
		for (int i = 0; i < attendees.size(); i++) {
			PersonId p = attendees.get(i).id();
			consent.decide(p, true);
			fixtures.who5(p, LocalDate.of(YEAR, 9, 1), 40 + i % 4 * 4);
			fixtures.who5(p, LocalDate.of(YEAR + 1, 3, 1), 52 + i % 3 * 4);
		}
		for (int i = 0; i < others.size(); i++) {
			PersonId p = others.get(i).id();
			consent.decide(p, true);
			fixtures.who5(p, LocalDate.of(YEAR, 9, 2), 44 + i % 4 * 4);
			fixtures.who5(p, LocalDate.of(YEAR + 1, 3, 2), 44 + i % 5 * 3);
		}
	}

	@Test
	void anAdministratorSeesReachAsGatedCountsAndRates() throws Exception {
		mvc.perform(get("/api/v1/evaluation/reach").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.dimension == 'ALL')].participants.value").value(10))
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.dimension == 'PROGRAM' && @.groupName == 'Internal Medicine Residency')].participants.value")
				.value(10))
			.andExpect(jsonPath("$.rows[?(@.type == 'SNAPSHOT' && @.dimension == 'ALL')].participants.value").value(27))
			.andExpect(jsonPath("$.rows[?(@.type == 'RETREAT' && @.dimension == 'ALL')].participants.value").value(0))
			// every intervention type now has a module reporting it (groups, peer support
			// and consultations included)
			.andExpect(jsonPath("$.unmeasured").isEmpty());
		mvc.perform(get("/evaluation/reach").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Talks, workshops and courses")))
			.andExpect(content().string(containsString("2031–32")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Not reported yet"))));
	}

	@Test
	void aProgramOfFewerThanFiveIsWithheldNotShownAsANumber() throws Exception {
		String json = mvc.perform(get("/api/v1/evaluation/reach").param("year", "" + YEAR).with(signedIn(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)
			.get("rows");
		boolean sawWithheld = false;
		for (com.fasterxml.jackson.databind.JsonNode row : rows) {
			com.fasterxml.jackson.databind.JsonNode eligible = row.get("eligible");
			if (eligible != null && !eligible.isNull() && eligible.get("value").isNull()) {
				sawWithheld = true;
				assertThat(eligible.get("messageKey").asText()).startsWith("disclosure.suppressed.");
			}
			if (eligible != null && !eligible.isNull() && !eligible.get("value").isNull()) {
				assertThat(eligible.get("value").asLong()).isGreaterThanOrEqualTo(5);
			}
			if (!row.get("participants").get("value").isNull() && row.get("participants").get("value").asLong() > 0) {
				assertThat(row.get("participants").get("value").asLong()).isGreaterThanOrEqualTo(5);
			}
		}
		assertThat(sawWithheld).as("demo campus has units of fewer than 5 people").isTrue();
	}

	@Test
	void relativeImpactComparesParticipantsWithNonParticipantsAndDrawsAForestPlot() throws Exception {
		mvc.perform(get("/api/v1/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.offering == null && @.instrument.id == 'who-5')].participants.value")
				.value(10))
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.offering == null && @.instrument.id == 'who-5')].comparison.value")
				.value(17))
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.offering == null && @.instrument.id == 'who-5')].versusComparison.g")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThan(1.0))))
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.offering == null && @.instrument.id == 'who-5')].cautions[*]")
				.value(org.hamcrest.Matchers.hasItem("evaluation.caution.smallN")));
		mvc.perform(get("/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("Effect of each intervention on WHO-5 Well-Being Index")))
			.andExpect(content().string(containsString("Difference-in-differences")))
			.andExpect(content().string(containsString("Fewer than 20 people")));
	}

	@Test
	void researchersAndParticipantsDoNotSeeAggregatesAndABadYearIsAProblem() throws Exception {
		mvc.perform(get("/evaluation/reach").with(signedIn(fixtures.signedIn("researcher", Role.RESEARCHER, "CAMPUS"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/evaluation/impact")
			.with(signedIn(fixtures.signedIn("resident", Role.PARTICIPANT, "CAMPUS"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/evaluation/reach").param("year", "1900").with(signedIn(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void aPersonIsAskedWithoutADefaultAndCanWithdraw() throws Exception {
		CprUser me = fixtures.signedIn("leader", Role.GROUP_LEADER, "CAMPUS");
		mvc.perform(get("/evaluation/consent").with(signedIn(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("May the program use your Snapshot scores")))
			.andExpect(content().string(not(containsString("checked"))));
		mvc.perform(post("/evaluation/consent").with(csrf()).with(signedIn(me)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose yes or no.")));
		mvc.perform(post("/evaluation/consent").with(csrf())
			.with(signedIn(me))
			.param("granted", "yes")
			.param("back", "https://evil.example")).andExpect(redirectedUrl("/evaluation/consent"));
		assertThat(consent.consenting(List.of(me.personId()))).containsExactly(me.personId());
		mvc.perform(get("/evaluation/consent").with(signedIn(me)))
			.andExpect(content().string(containsString("You said yes on")))
			.andExpect(content().string(containsString("I withdraw my consent")));
		mvc.perform(post("/evaluation/consent").with(csrf()).with(signedIn(me)).param("granted", "no"))
			.andExpect(redirectedUrl("/evaluation/consent"));
		assertThat(consent.consenting(List.of(me.personId()))).isEmpty();
		assertThat(consent.current(me.personId()).orElseThrow().textVersion())
			.isEqualTo(EvaluationConsent.CURRENT_VERSION);
	}

	@Test
	void theAnnualReportGathersReachImpactAndCommentaryOnThePageAndInAPdf() throws Exception {
		mvc.perform(get("/evaluation/annual").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Annual evaluation report")))
			.andExpect(content().string(containsString("id=\"annual-reach\"")))
			.andExpect(content().string(containsString("id=\"annual-impact\"")))
			.andExpect(content().string(containsString("No safety alerts were raised this academic year.")))
			.andExpect(content().string(containsString("The committee has not written its commentary yet.")));
		mvc.perform(post("/evaluation/annual/commentary").with(csrf())
			.with(signedIn(admin))
			.param("year", "" + YEAR)
			.param("body", "x".repeat(8001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The text is too long.")))
			.andExpect(content().string(containsString("x".repeat(8001))));
		mvc.perform(post("/evaluation/annual/commentary").with(csrf())
			.with(signedIn(admin))
			.param("year", "" + YEAR)
			.param("body", "Workshops helped; retreats need a rethink."))
			.andExpect(redirectedUrl("/evaluation/annual?year=" + YEAR + "&saved#commentary"));
		byte[] pdf = mvc.perform(get("/evaluation/annual.pdf").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("Annual evaluation report 2031–32")
				.contains("Workshops helped; retreats need a rethink.")
				.contains("Talks, workshops and courses");
		}
	}

	@Test
	void theCommitteePlansNextYearWithGoalsLinkedToFindingsAndReviewsActions() throws Exception {
		CprUser director = fixtures.signedIn("director", Role.PROGRAM_DIRECTOR, "CAMPUS");
		mvc.perform(get("/evaluation/plan").param("year", "" + YEAR).with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Review of 2031–32 and plan for 2032–33")))
			.andExpect(content().string(
					containsString("<option value=\"Talks, workshops and courses · WHO-5 Well-Being Index · g = ")));
		mvc.perform(post("/evaluation/plan/goals").with(csrf())
			.with(signedIn(director))
			.param("year", "" + YEAR)
			.param("statement", "Offer the workshop to every PGY1")
			.param("finding", "Talks, workshops and courses · WHO-5"))
			.andExpect(redirectedUrl("/evaluation/plan?year=" + YEAR + "#next-plan"));
		String page = mvc.perform(get("/evaluation/plan").param("year", "" + YEAR).with(signedIn(director)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher goal = java.util.regex.Pattern
			.compile("<option value=\"([0-9a-f-]{36})\"[^>]*>Offer the workshop")
			.matcher(page);
		assertThat(goal.find()).isTrue();
		mvc.perform(post("/evaluation/plan/actions").with(csrf())
			.with(signedIn(director))
			.param("year", "" + YEAR)
			.param("goal", goal.group(1))
			.param("description", "Book rooms")
			.param("owner", "Chief residents")
			.param("dueOn", "next week"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give a due date as a date.")))
			.andExpect(content().string(containsString("value=\"Chief residents\"")));
		mvc.perform(post("/evaluation/plan/actions").with(csrf())
			.with(signedIn(director))
			.param("year", "" + YEAR)
			.param("goal", goal.group(1))
			.param("description", "Book rooms")
			.param("owner", "Chief residents")
			.param("dueOn", "2032-08-15")).andExpect(redirectedUrl("/evaluation/plan?year=" + YEAR + "#next-plan"));
		page = mvc.perform(get("/evaluation/plan").param("year", "" + YEAR).with(signedIn(director)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher action = java.util.regex.Pattern
			.compile("/evaluation/plan/actions/([0-9a-f-]{36})/review")
			.matcher(page);
		assertThat(action.find()).isTrue();
		mvc.perform(post("/evaluation/plan/actions/" + action.group(1) + "/review").with(csrf())
			.with(signedIn(director))
			.param("year", "" + YEAR)
			.param("status", "DONE")
			.param("note", "Rooms booked for all blocks"))
			.andExpect(redirectedUrl("/evaluation/plan?year=" + YEAR + "#next-plan"));
		// a year later, the plan made now is the plan whose achievement the next report
		// shows
		mvc.perform(get("/evaluation/annual").param("year", "" + (YEAR + 1)).with(signedIn(director)))
			.andExpect(content().string(containsString("Offer the workshop to every PGY1")))
			.andExpect(content().string(containsString("1 of 1 actions done.")))
			.andExpect(content().string(containsString("Rooms booked for all blocks")));
		mvc.perform(post("/evaluation/plan/goals").with(csrf())
			.with(signedIn(fixtures.signedIn("facilitator", Role.FACILITATOR, "CAMPUS")))
			.param("year", "" + YEAR)
			.param("statement", "Not mine to set")).andExpect(status().isForbidden());
	}

	/**
	 * Runs last: the gate remembers what it released, so a smaller set released
	 * afterwards would single the person out.
	 */
	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void withdrawingConsentRemovesAPersonFromTheNextAnalysisWithoutSinglingThemOut() throws Exception {
		mvc.perform(get("/api/v1/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.offering == null && @.instrument.id == 'who-5')].comparison.value")
				.value(17));
		consent.decide(others.get(16).id(), false);
		// 16 would be 17 less the one who withdrew: the gate withholds it rather than let
		// anyone subtract
		mvc.perform(get("/api/v1/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.offering == null && @.instrument.id == 'who-5')].comparison.value")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath(
					"$.rows[?(@.type == 'COURSE' && @.offering == null && @.instrument.id == 'who-5')].comparison.messageKey")
				.value(org.hamcrest.Matchers
					.hasItem(org.hamcrest.Matchers.startsWith("disclosure.suppressed.protects-another-group"))));
	}

}
