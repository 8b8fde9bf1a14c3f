package org.cpr.courses;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.identity.CprUser;
import org.cpr.shared.CsvCells;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The program director's coverage view: what was delivered this academic year, by
 * competency, with attendance (page and CSV).
 */
@Controller
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
class CoverageController {

	static final String VIEW = "courses/coverage";

	private final CoverageReport report;

	private final org.thymeleaf.ITemplateEngine templates;

	CoverageController(CoverageReport report, org.thymeleaf.ITemplateEngine templates) {
		this.report = report;
		this.templates = templates;
	}

	@Bean
	static NavigationItem coverageLink() {
		return new NavigationItem(53, "/courses/coverage", "courses.coverage.nav",
				Set.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR));
	}

	@GetMapping("/courses/coverage")
	String coverage(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me, Model model) {
		int first = year == null || year < 2000 || year > 2200 ? report.currentYear() : year;
		List<CoverageRow> rows = report.year(first, me.personId(), role(me));
		model.addAttribute("year", first);
		model.addAttribute("rows", rows);
		model.addAttribute("byCompetency", CoverageReport.byCompetency(rows));
		model.addAttribute("cohorts", report.cohorts(first, rows));
		return VIEW;
	}

	/**
	 * The same view as a PDF to hand to a site visitor (OpenHTMLtoPDF, like the
	 * certificates).
	 */
	@GetMapping("/courses/coverage.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me,
			java.util.Locale locale) throws IOException {
		int first = year == null || year < 2000 || year > 2200 ? report.currentYear() : year;
		List<CoverageRow> rows = report.year(first, me.personId(), role(me));
		var context = new org.thymeleaf.context.Context(locale, java.util.Map.of("year", first, "rows", rows,
				"byCompetency", CoverageReport.byCompetency(rows), "cohorts", report.cohorts(first, rows)));
		String html = templates.process("courses/coverage-pdf", context);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		new com.openhtmltopdf.pdfboxout.PdfRendererBuilder().useFastMode()
			.withHtmlContent(html, null)
			.toStream(out)
			.run();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"coverage-" + first + ".pdf\"")
			.body(out.toByteArray());
	}

	@GetMapping("/courses/coverage.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me)
			throws IOException {
		int first = year == null || year < 2000 || year > 2200 ? report.currentYear() : year;
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("offering", "kind", "topics", "competencies", "session_date", "attended", "note")
					.get())) {
			for (CoverageRow row : report.year(first, me.personId(), role(me))) {
				for (SessionCount c : row.delivered()) {
					csv.printRecord(CsvCells.safe(row.offering().title()), row.offering().kind(),
							CsvCells.safe(String.join("; ", row.topics())),
							row.competencies().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
							c.session().start().toLocalDate(), c.count() == null ? "" : c.count(),
							c.count() == null ? c.messageKey() : "");
				}
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"coverage-" + first + ".csv\"")
			.body(out.toString());
	}

	private static Role role(CprUser me) {
		return me.hasRole(Role.PROGRAM_DIRECTOR) ? Role.PROGRAM_DIRECTOR
				: me.hasRole(Role.ADMINISTRATOR) ? Role.ADMINISTRATOR : Role.FACILITATOR;
	}

}
