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
 * Reach, relative impact and consent as a program's people see them, on data the courses and
 * assessment modules store (academic year 2031–32, which no other test touches).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EvaluationWebTests {

    static final int YEAR = 2031;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityManagement identity;
    @Autowired EvaluationConsent consent;

    EvaluationFixtures fixtures;
    CprUser admin;
    List<PersonSummary> internalMedicine;
    List<PersonSummary> others;

    @BeforeAll
    void data() {
        fixtures = new EvaluationFixtures(jdbc, identity);
        admin = fixtures.signedIn("admin", Role.ADMINISTRATOR, "CAMPUS");
        internalMedicine = fixtures.programPeople("PRG-IM").stream().filter(p -> p.traineeType() == org.cpr.identity.TraineeType.RESIDENT).toList();
        others = java.util.stream.Stream.concat(fixtures.programPeople("PRG-MD").stream(), fixtures.programPeople("PRG-GS").stream())
                .toList();
        List<PersonSummary> attendees = internalMedicine;
        fixtures.attended("WORKSHOP", LocalDate.of(YEAR, 10, 6), attendees.stream().map(PersonSummary::id).toList());
        // WHO-5 in September and in March: attendees gain about 12 points, the others stay level
        // whole programs, so that no set the gate sees splits a group into a part of fewer than 5
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
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.dimension == 'PROGRAM' && @.groupName == 'Internal Medicine Residency')].participants.value").value(10))
            .andExpect(jsonPath("$.rows[?(@.type == 'SNAPSHOT' && @.dimension == 'ALL')].participants.value").value(27))
            .andExpect(jsonPath("$.rows[?(@.type == 'RETREAT' && @.dimension == 'ALL')].participants.value").value(0))
            .andExpect(jsonPath("$.unmeasured").value(org.hamcrest.Matchers.hasItem("PEER_SUPPORT")));
        mvc.perform(get("/evaluation/reach").param("year", "" + YEAR).with(signedIn(admin)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Talks, workshops and courses")))
            .andExpect(content().string(containsString("2031–32")))
            .andExpect(content().string(containsString("Not reported yet")));
    }

    @Test
    void aProgramOfFewerThanFiveIsWithheldNotShownAsANumber() throws Exception {
        String json = mvc.perform(get("/api/v1/evaluation/reach").param("year", "" + YEAR).with(signedIn(admin)))
            .andReturn().getResponse().getContentAsString();
        com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("rows");
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
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.instrument.id == 'who-5')].participants.value").value(10))
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.instrument.id == 'who-5')].comparison.value").value(17))
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.instrument.id == 'who-5')].versusComparison.g").value(
                    org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThan(1.0))))
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.instrument.id == 'who-5')].cautions[*]").value(
                    org.hamcrest.Matchers.hasItem("evaluation.caution.smallN")));
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
        mvc.perform(get("/api/v1/evaluation/impact").with(signedIn(fixtures.signedIn("resident", Role.PARTICIPANT, "CAMPUS"))))
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
        mvc.perform(post("/evaluation/consent").with(csrf()).with(signedIn(me)).param("granted", "yes").param("back", "https://evil.example"))
            .andExpect(redirectedUrl("/evaluation/consent"));
        assertThat(consent.consenting(List.of(me.personId()))).containsExactly(me.personId());
        mvc.perform(get("/evaluation/consent").with(signedIn(me)))
            .andExpect(content().string(containsString("You said yes on")))
            .andExpect(content().string(containsString("I withdraw my consent")));
        mvc.perform(post("/evaluation/consent").with(csrf()).with(signedIn(me)).param("granted", "no"))
            .andExpect(redirectedUrl("/evaluation/consent"));
        assertThat(consent.consenting(List.of(me.personId()))).isEmpty();
        assertThat(consent.current(me.personId()).orElseThrow().textVersion()).isEqualTo(EvaluationConsent.CURRENT_VERSION);
    }

    /** Runs last: the gate remembers what it released, so a smaller set released afterwards would single the person out. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void withdrawingConsentRemovesAPersonFromTheNextAnalysisWithoutSinglingThemOut() throws Exception {
        mvc.perform(get("/api/v1/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.instrument.id == 'who-5')].comparison.value").value(17));
        consent.decide(others.get(16).id(), false);
        // 16 would be 17 less the one who withdrew: the gate withholds it rather than let anyone subtract
        mvc.perform(get("/api/v1/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.instrument.id == 'who-5')].comparison.value").value(
                    org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
            .andExpect(jsonPath("$.rows[?(@.type == 'COURSE' && @.instrument.id == 'who-5')].comparison.messageKey").value(
                    org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("disclosure.suppressed.protects-another-group"))));
    }
}
