package org.cpr.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.cpr.identity.CprUser;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The person's own history: PDF (with the trend charts), FHIR R4 Bundle, and deleting it
 * all.
 */
@Controller
class HistoryController {

	static final String PDF_TEMPLATE = "assessment/history-pdf";
	static final String DELETE_VIEW = "assessment/delete";
	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	private final SnapshotManagement snapshots;

	private final ResultsController results;

	private final QuestionnaireLibrary library;

	private final org.cpr.questionnaire.Scoring scoring;

	private final TemplateEngine templates;

	private final AuditPort audit;

	private final Clock clock;

	HistoryController(SnapshotManagement snapshots, ResultsController results, QuestionnaireLibrary library,
			TemplateEngine templates, AuditPort audit, Clock clock, org.cpr.questionnaire.Scoring scoring) {
		this.scoring = scoring;
		this.snapshots = snapshots;
		this.results = results;
		this.library = library;
		this.templates = templates;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/snapshot/history.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CprUser user, Locale locale) throws IOException {
		List<SubmittedSnapshot> all = snapshots.history(user.personId());
		Context context = new Context(locale);
		Map<String, String> titles = new HashMap<>();
		all.forEach(s -> s.results()
			.forEach(r -> titles.computeIfAbsent(r.instrumentId(), id -> snapshots.form(id, locale).title())));
		context.setVariable("history", all);
		context.setVariable("titles", titles);
		// The PDF renderer draws no SVG: each trend goes in as its takes, drawn as
		// labelled vector bars.
		context.setVariable("trends",
				results.trends(all).values().stream().map(org.cpr.shared.SvgChart::takes).toList());
		context.setVariable("generatedOn", today());
		String html = templates.process(PDF_TEMPLATE, context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(out).run();
		exported(user, "pdf", all.size());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("resilience-snapshot-" + today() + ".pdf"))
			.body(out.toByteArray());
	}

	@GetMapping(value = "/snapshot/history.fhir.json")
	ResponseEntity<String> fhir(@AuthenticationPrincipal CprUser user) {
		List<SubmittedSnapshot> all = snapshots.history(user.personId());
		Map<UUID, Integer> versions = new HashMap<>();
		all.forEach(s -> s.results()
			.forEach(r -> versions.computeIfAbsent(r.versionId(),
					v -> library.version(v).map(q -> q.number()).orElse(1))));
		exported(user, "fhir", all.size());
		return ResponseEntity.ok()
			.contentType(FHIR_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("resilience-snapshot-" + today() + ".fhir.json"))
			.body(FhirExport.bundle(all, versions, Date.from(clock.instant()), scoring));
	}

	@GetMapping("/snapshot/history/delete")
	String confirmDelete(@AuthenticationPrincipal CprUser user, Model model) {
		model.addAttribute("count", snapshots.history(user.personId()).size());
		return DELETE_VIEW;
	}

	@PostMapping("/snapshot/history/delete")
	String delete(@RequestParam(required = false) String confirm, @AuthenticationPrincipal CprUser user, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!"DELETE".equals(confirm)) {
			response.setStatus(422);
			model.addAttribute("count", snapshots.history(user.personId()).size());
			model.addAttribute("confirmError", true);
			return DELETE_VIEW;
		}
		snapshots.deleteHistory(user.personId());
		return "redirect:/snapshot?deleted";
	}

	private void exported(CprUser user, String format, int count) {
		audit.record(AuditEntry.selfService(user.personId(), "SNAPSHOT_HISTORY_EXPORTED", "assessment_submission", null)
			.detail(format + " count=" + count));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static String attachment(String name) {
		return ContentDisposition.attachment().filename(name).build().toString();
	}

}
