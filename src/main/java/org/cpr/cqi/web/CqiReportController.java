package org.cpr.cqi.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.cpr.cqi.CqiReportData;
import org.cpr.cqi.CqiReports;
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

/** The CQI report for leadership meetings: a page and the same content as a PDF with charts. */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
class CqiReportController {

    static final String REPORT_VIEW = "cqi/report-page";
    static final String PDF_TEMPLATE = "cqi/report-pdf";

    private final CqiReports reports;
    private final TemplateEngine templates;
    private final MessageSource messages;

    CqiReportController(CqiReports reports, TemplateEngine templates, MessageSource messages) {
        this.reports = reports;
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping("/cqi/report")
    String page(Model model, Locale locale) {
        model.addAllAttributes(content(reports.build(), locale));
        return REPORT_VIEW;
    }

    @GetMapping("/cqi/report.pdf")
    ResponseEntity<byte[]> pdf(Locale locale) throws IOException {
        CqiReportData data = reports.build();
        Context context = new Context(locale, content(data, locale));
        String html = templates.process(PDF_TEMPLATE, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(out).run();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("cqi-report-" + data.generatedOn() + ".pdf").build().toString())
                .body(out.toByteArray());
    }

    private Map<String, Object> content(CqiReportData data, Locale locale) {
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        data.openByCategory().forEach((c, n) -> byCategory.put(messages.getMessage("cqi.category." + c, null, locale), n));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", data);
        model.put("categoryChart", CqiCharts.bars(messages.getMessage("cqi.report.byCategory", null, locale), byCategory));
        model.put("ageChart", CqiCharts.bars(messages.getMessage("cqi.report.byAge", null, locale), data.openByAge()));
        return model;
    }
}
