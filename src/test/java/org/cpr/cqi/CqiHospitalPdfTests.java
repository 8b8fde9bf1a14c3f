package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hospital PDF as a leadership meeting reads it: the institution's name, what was
 * done for each closed item, each heading once (no caption repeating it), no heading left
 * alone at the foot of a page, and no chart frame without bars.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CqiHospitalPdfTests {

	static final List<String> HEADINGS = List.of("Open items by category", "Open items by days open", "Overdue items",
			"Decisions from presentations", "Closed items and what was done", "Speak-up reports received",
			"Feedback campaigns: response rates", "Evidence behind this hospital's items");

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	@Autowired
	IdentityManagement identity;

	final CprUser facilitator = as(Role.FACILITATOR);

	@Test
	void theHospitalPdfReadsWell() throws Exception {
		OrgUnitId hospital = identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL).get(0).id();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID accepted = item("Call rooms too few " + suffix, hospital);
		register.addSolution(accepted, "Two more call rooms on level 4.", facilitator.personId());
		register.recordPresentation(accepted, new PresentationRecord(LocalDate.of(2026, 2, 1),
				PresentationAudience.values()[0], null, Decision.ACCEPTED, null, null), facilitator.personId());
		for (CqiStatus s : List.of(CqiStatus.IN_PROGRESS, CqiStatus.IMPLEMENTED, CqiStatus.REMEASURED,
				CqiStatus.CLOSED)) {
			register.move(accepted, s, null, facilitator.personId());
		}
		register.publish(accepted, "There were too few call rooms.", "Two call rooms opened on level 4 " + suffix,
				facilitator.personId());
		UUID declined = item("Parking badge " + suffix, hospital);
		register.addSolution(declined, "Free parking for night shifts.", facilitator.personId());
		register.recordPresentation(declined,
				new PresentationRecord(LocalDate.of(2026, 2, 1), PresentationAudience.values()[0], null,
						Decision.DECLINED, "The garage is run by the city; the shuttle now runs all night " + suffix,
						null),
				facilitator.personId());
		register.move(declined, CqiStatus.CLOSED, null, facilitator.personId());
		for (int i = 0; i < 12; i++) {
			item("Open item " + i + " " + suffix, hospital);
		}

		byte[] pdf = mvc
			.perform(get("/cqi/report.pdf").param("hospital", hospital.value().toString())
				.with(user(as(Role.PROGRAM_DIRECTOR))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).as("no date broken over two lines")
				.doesNotContainPattern("\\d{4}-\\R");
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).as("the institution's name").contains("Front Range Health Sciences Campus");
			assertThat(text).as("what was done for closed items")
				.contains("Closed items and what was done")
				.contains("Two call rooms opened on level 4 " + suffix)
				.contains("the shuttle now runs all night " + suffix);
			for (String heading : HEADINGS) {
				assertThat(occurrences(text, heading)).as("'" + heading + "' once, no caption repeating it")
					.isLessThanOrEqualTo(1);
			}
			String byCategory = text.substring(text.indexOf("Open items by category"),
					text.indexOf("Open items by days open"));
			assertThat(byCategory).as("the chart frame has its bars").containsPattern("\\d");
			List<String> stranded = new ArrayList<>();
			for (int page = 1; page <= doc.getNumberOfPages(); page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				List<String> lines = Arrays.stream(stripper.getText(doc).split("\\R"))
					.map(String::strip)
					.filter(l -> !l.isEmpty() && !l.matches("\\d+ / \\d+"))
					.toList();
				if (!lines.isEmpty() && HEADINGS.contains(lines.get(lines.size() - 1))) {
					stranded.add("page " + page + ": " + lines.get(lines.size() - 1));
				}
			}
			assertThat(stranded).as("headings left at the foot of a page").isEmpty();
		}
	}

	private UUID item(String title, OrgUnitId hospital) {
		return register.create(
				new ItemDraft(title, "Problem", hospital.value(), null, null, CqiCategory.values()[0], null, null),
				facilitator.personId());
	}

	private static int occurrences(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
			n++;
		}
		return n;
	}

}
