package org.cpr.cqi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.cpr.shared.SvgChart;
import org.cpr.identity.CprUser;
import org.cpr.shared.OrgUnitId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The CQI report for leadership meetings: a page and the same content as a PDF with
 * charts.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
class CqiReportController {

	static final String REPORT_VIEW = "cqi/report-page";
	static final String PDF_TEMPLATE = "cqi/report-pdf";

	private final CqiReports reports;

	private final HospitalReports hospitals;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final ImprovementRegister register;

	private final org.cpr.identity.IdentityManagement identity;

	CqiReportController(CqiReports reports, HospitalReports hospitals, TemplateEngine templates, MessageSource messages,
			ImprovementRegister register, org.cpr.identity.IdentityManagement identity) {
		this.register = register;
		this.identity = identity;
		this.reports = reports;
		this.hospitals = hospitals;
		this.templates = templates;
		this.messages = messages;
	}

	@GetMapping("/cqi/report")
	String page(@RequestParam(required = false) String hospital, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale) {
		model.addAttribute("hospitals", hospitals.hospitals());
		model.addAllAttributes(content(hospital, me, locale));
		return REPORT_VIEW;
	}

	@GetMapping("/cqi/report.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String hospital, @AuthenticationPrincipal CprUser me,
			Locale locale) throws IOException {
		Map<String, Object> content = content(hospital, me, locale);
		CqiReportData data = (CqiReportData) content.get("report");
		HospitalReport scoped = (HospitalReport) content.get("hospitalReport");
		content.put("pdf", true); // charts as vector boxes: the PDF renderer draws no SVG
		String html = templates.process(PDF_TEMPLATE, new Context(locale, content));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(out).run();
		String name = "cqi-report-"
				+ (scoped == null ? "" : scoped.hospital().code().replaceAll("[^A-Za-z0-9-]", "") + "-")
				+ data.generatedOn() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(out.toByteArray());
	}

	/**
	 * The whole register, or one hospital's report when {@code hospital} names a hospital
	 * (else 404).
	 */
	private Map<String, Object> content(String hospital, CprUser me, Locale locale) {
		if (hospital == null || hospital.isBlank()) {
			Map<String, Object> model = content(reports.build(), locale);
			model.put("closedItems", ClosedLine.of(register.list(), null));
			return model;
		}
		HospitalReport report = parse(hospital)
			.flatMap(id -> hospitals.build(new OrgUnitId(id), CqiViewer.of(me.personId(), me.roles())))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<String, Object> model = content(report.register(), locale);
		model.put("hospitalReport", report);
		model.put("closedItems", ClosedLine.of(register.list(), report.hospital().id().value()));
		model.put("selectedHospital", report.hospital().id().value());
		return model;
	}

	private static java.util.Optional<UUID> parse(String id) {
		try {
			return java.util.Optional.of(UUID.fromString(id.strip()));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}

	private Map<String, Object> content(CqiReportData data, Locale locale) {
		Map<String, Integer> byCategory = new LinkedHashMap<>();
		data.openByCategory()
			.forEach((c, n) -> byCategory.put(messages.getMessage("cqi.category." + c, null, locale), n));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("report", data);
		model.put("institution",
				identity.orgUnitsOfKind(org.cpr.identity.OrgUnitKind.INSTITUTION)
					.stream()
					.map(org.cpr.identity.OrgUnitSummary::name)
					.findFirst()
					.orElse(null));
		String desc = messages.getMessage("cqi.report.chartAlt", null, locale);
		model.put("categoryChart", SvgChart.bars("chart-category",
				messages.getMessage("cqi.report.byCategory", null, locale), desc, byCategory));
		model.put("ageChart", SvgChart.bars("chart-age", messages.getMessage("cqi.report.byAge", null, locale), desc,
				data.openByAge()));
		return model;
	}

}
