package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class CqiReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	@Autowired
	CqiReports reports;

	@Autowired
	MutableClock clock;

	final PersonId facilitator = new PersonId(UUID.randomUUID());

	/** Other tests share this context's register: this test counts only its own items. */
	final UUID scope = UUID.randomUUID();

	UUID item(String title, CqiCategory category, LocalDate due) {
		return register.create(new ItemDraft(title, "Problem", scope, null, null, category, null, due), facilitator);
	}

	@Test
	void reportCountsOpenItemsAgesDecisionsAndOverdueAndComesAsAPdf() throws Exception {
		LocalDate start = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
		item("Pager storm on nights", CqiCategory.WORKFLOW, start.plusDays(10));
		UUID declined = item("Second call room", CqiCategory.FACILITIES, null);
		register.addSolution(declined, "Convert the storage room.", facilitator);
		register.recordPresentation(declined, new PresentationRecord(start, PresentationAudience.HOSPITAL_MANAGEMENT,
				null, Decision.DECLINED, "Fire code forbids it.", null), facilitator);
		clock.advance(Duration.ofDays(40));
		register.move(declined, CqiStatus.CLOSED, null, facilitator);

		CqiReportData data = reports.build(java.util.List.of(scope));
		assertThat(data.openByCategory()).containsEntry(CqiCategory.WORKFLOW, 1)
			.containsEntry(CqiCategory.FACILITIES, 0);
		assertThat(data.openByAge()).containsEntry("31-90", 1);
		assertThat(data.overdue()).extracting(CqiReportData.OverdueLine::itemTitle)
			.containsExactly("Pager storm on nights");
		assertThat(data.closedCount()).isEqualTo(1);
		assertThat(data.medianDaysToClose()).isEqualTo(40);
		assertThat(data.decisions()).extracting(CqiReportData.DecisionLine::decision)
			.containsExactly(Decision.DECLINED);

		mvc.perform(get("/cqi/report").with(user(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pager storm on nights")))
			.andExpect(content().string(containsString("<svg class=\"chart\" role=\"img\" id=\"chart-category\"")))
			.andExpect(content().string(containsString("aria-labelledby=\"chart-age-t chart-age-d\"")));

		byte[] pdf = mvc.perform(get("/cqi/report.pdf").with(user(as(Role.ADMINISTRATOR))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("Continuous quality improvement report")
				.contains("Pager storm on nights")
				.contains("Open items by category")
				.contains("Declined");
			assertThat(text).as("the charts' bars carry their labels and values as text")
				.containsPattern("31-90 +\\d+"); // the count depends on what other test
													// classes filed
			assertThat(doc.getPage(0).getResources().getXObjectNames()).as("charts are vector boxes, not images")
				.isEmpty();
		}
		mvc.perform(get("/cqi/report").with(user(as(Role.PARTICIPANT)))).andExpect(status().isForbidden());
	}

}
