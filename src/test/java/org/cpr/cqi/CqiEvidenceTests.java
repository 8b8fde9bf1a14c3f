package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Evidence on items, the per-hospital report and re-measurement, as leadership and
 * reviewers see them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class CqiEvidenceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	@Autowired
	SpeakUpChannel channel;

	@Autowired
	CqiEvidence evidence;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	final CprUser facilitator = as(Role.FACILITATOR);

	OrgUnitId universityHospital;

	OrgUnitId childrensHospital;

	@BeforeEach
	void hospitals() {
		clock.set(java.time.Instant.parse("2026-03-02T09:00:00Z"));
		universityHospital = hospital("UH");
		childrensHospital = hospital("CH");
	}

	OrgUnitId hospital(String code) {
		return identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL)
			.stream()
			.filter(h -> h.code().equals(code))
			.findFirst()
			.orElseThrow()
			.id();
	}

	void reports(int n, OrgUnitId hospital, CqiCategory category) {
		for (int i = 0; i < n; i++) {
			channel.submit(
					new ReportSubmission(ReportChannel.SYSTEMIC, category, hospital.value(), null,
							"Original report text " + i + " naming Dr. Secretname", false),
					UUID.randomUUID().toString(), null);
		}
	}

	UUID item(String title, OrgUnitId hospital, CqiCategory category) {
		return register.create(new ItemDraft(title, "Problem", hospital.value(), null, null, category, null, null),
				facilitator.personId());
	}

	@Test
	void aCountIsShownOnlyFromFiveReportsAndOnlyOnceItsWeeklyBatchOpened() throws Exception {
		reports(3, universityHospital, CqiCategory.EHR);
		reports(12, universityHospital, CqiCategory.SCHEDULING);
		UUID small = item("EHR inbox", universityHospital, CqiCategory.EHR);
		UUID large = item("Rota changes at short notice", universityHospital, CqiCategory.SCHEDULING);
		mvc.perform(post("/cqi/items/" + large + "/evidence/counts").with(user(facilitator))
			.with(csrf())
			.param("hospitalId", universityHospital.value().toString())
			.param("category", "SCHEDULING")
			.param("quarter", "2026-Q1")).andExpect(status().is3xxRedirection());
		evidence.addCount(small, universityHospital, CqiCategory.EHR, Quarter.parse("2026-Q1").orElseThrow(),
				facilitator.personId());

		mvc.perform(get("/cqi/items/" + large).with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content()
				.string(containsString("Speak-up reports about Scheduling at University Hospital in 2026 Q1")))
			.andExpect(content().string(containsString("fewer than 5 responses")))
			.andExpect(content().string(not(containsString("class=\"evidence-count\""))));

		clock.advance(Duration.ofDays(8));
		mvc.perform(get("/cqi/items/" + large).with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(containsString("<strong class=\"evidence-count\">12</strong>")));
		mvc.perform(get("/cqi/items/" + small).with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(containsString("fewer than 5 responses")))
			.andExpect(content().string(not(containsString("class=\"evidence-count\""))));
	}

	@Test
	void aQuoteReachesLeadershipOnlyAfterAReviewerReleasesItAndOnlyForTenReportsOrMore() throws Exception {
		reports(11, childrensHospital, CqiCategory.FACILITIES);
		reports(7, childrensHospital, CqiCategory.STAFFING);
		clock.advance(Duration.ofDays(8));
		UUID big = item("No place to rest on nights", childrensHospital, CqiCategory.FACILITIES);
		UUID few = item("Thin staffing on ward 4", childrensHospital, CqiCategory.STAFFING);
		evidence.addCount(big, childrensHospital, CqiCategory.FACILITIES, Quarter.parse("2026-Q1").orElseThrow(),
				facilitator.personId());
		evidence.addCount(few, childrensHospital, CqiCategory.STAFFING, Quarter.parse("2026-Q1").orElseThrow(),
				facilitator.personId());
		mvc.perform(post("/cqi/items/" + big + "/evidence/quotes").with(user(facilitator))
			.with(csrf())
			.param("text", "The only sofa is in a corridor.")).andExpect(status().is3xxRedirection());
		UUID fewQuote = evidence.addQuote(few, "Two nurses for thirty beds.", facilitator.personId());

		mvc.perform(get("/cqi/items/" + big).with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(not(containsString("The only sofa is in a corridor."))));
		String reviewerPage = mvc.perform(get("/cqi/items/" + big).with(user(facilitator)))
			.andExpect(content().string(containsString("Quotes waiting for release")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String releasePath = reviewerPage.replaceAll("(?s).*action=\"(/cqi/items/[^\"]+/release)\".*", "$1");
		mvc.perform(post(releasePath).with(user(facilitator)).with(csrf())).andExpect(status().is3xxRedirection());

		mvc.perform(get("/cqi/items/" + big).with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(containsString("<q>The only sofa is in a corridor.</q>")));
		evidence.releaseQuote(few, fewQuote, facilitator.personId());
		mvc.perform(get("/cqi/items/" + few).with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(not(containsString("Two nurses for thirty beds."))))
			.andExpect(content().string(containsString("Comments are shown only for groups of 10 or more")));

		CprUser director = as(Role.PROGRAM_DIRECTOR);
		String hospital = childrensHospital.value().toString();
		mvc.perform(get("/cqi/report").param("hospital", hospital).with(user(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CQI report: Children&#39;s Hospital")))
			.andExpect(content().string(containsString("<td class=\"count\">18</td>")))
			.andExpect(content().string(containsString("<td class=\"count\">11</td>")))
			.andExpect(content().string(containsString("<q>The only sofa is in a corridor.</q>")))
			.andExpect(content().string(not(containsString("Two nurses for thirty beds."))))
			.andExpect(content().string(not(containsString("Secretname"))));
		byte[] pdf = mvc.perform(get("/cqi/report.pdf").param("hospital", hospital).with(user(director)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		java.nio.file.Files.write(java.nio.file.Path.of("target", "cqi-hospital-report.pdf"), pdf); // for
																									// the
																									// report's
																									// PNG
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("CQI report: Children's Hospital")
				.contains("Speak-up reports received")
				.contains("The only sofa is in a corridor.")
				.contains("No place to rest on nights")
				.doesNotContain("Two nurses for thirty beds.")
				.doesNotContain("Secretname");
		}
		mvc.perform(get("/cqi/report").param("hospital", UUID.randomUUID().toString()).with(user(director)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/cqi/report").param("hospital", "'; DROP TABLE cqi_item;--").with(user(director)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anImplementedItemIsLinkedToItsReMeasurementAndTheBoardShowsIt() throws Exception {
		UUID id = item("Handover template", universityHospital, CqiCategory.WORKFLOW);
		register.addSolution(id, "One handover template for all wards.", facilitator.personId());
		mvc.perform(post("/cqi/items/" + id + "/remeasure").with(user(facilitator))
			.with(csrf())
			.param("label", "Spring pulse survey")
			.param("after", "4.1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only an implemented item can be re-measured.")))
			.andExpect(content().string(containsString("value=\"Spring pulse survey\"")));
		register.recordPresentation(id, new PresentationRecord(java.time.LocalDate.parse("2026-03-02"),
				PresentationAudience.GME_COMMITTEE, null, Decision.ACCEPTED, null, null), facilitator.personId());
		register.move(id, CqiStatus.IN_PROGRESS, null, facilitator.personId());
		register.move(id, CqiStatus.IMPLEMENTED, null, facilitator.personId());
		register.publish(id, "Handovers missed key facts.", "One template on every ward.", facilitator.personId());
		mvc.perform(post("/cqi/items/" + id + "/remeasure").with(user(facilitator))
			.with(csrf())
			.param("waveId", "not-a-wave")
			.param("label", "Spring pulse survey")
			.param("after", "4.1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A survey wave id looks like")));
		UUID wave = UUID.randomUUID();
		mvc.perform(post("/cqi/items/" + id + "/remeasure").with(user(facilitator))
			.with(csrf())
			.param("waveId", wave.toString())
			.param("label", "Spring pulse survey, handover item")
			.param("before", "2.8 of 5 (n = 41)")
			.param("after", "4.1 of 5 (n = 38)")).andExpect(status().is3xxRedirection());
		assertThat(register.find(id).orElseThrow().status()).isEqualTo(CqiStatus.REMEASURED);

		mvc.perform(get("/cqi/board").with(user(as(Role.PARTICIPANT))))
			.andExpect(content().string(containsString("Re-measured")))
			.andExpect(content().string(containsString("Spring pulse survey, handover item")))
			.andExpect(content().string(containsString("4.1 of 5 (n = 38)")))
			.andExpect(content().string(not(containsString(wave.toString()))));
		// staff reach the wave's report from the item instead of reading its id
		mvc.perform(get("/cqi/items/" + id).with(user(facilitator)))
			.andExpect(content().string(containsString("/surveys/waves/" + wave + "/report")))
			.andExpect(content().string(not(containsString("survey wave " + wave))));
	}

}
