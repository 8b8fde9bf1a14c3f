package org.cpr.courses;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.identity.CprUser;
import org.cpr.shared.CsvCells;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A person's own registrations and transcript of what they attended (page and CSV). */
@Controller
class MyCoursesController {

	static final String VIEW = "courses/mine";

	private final Registrations registrations;

	private final CourseCatalogue catalogue;

	private final Attendance attendance;

	private final org.cpr.curriculum.TopicLibrary topics;

	private final org.thymeleaf.ITemplateEngine templates;

	MyCoursesController(Registrations registrations, CourseCatalogue catalogue, Attendance attendance,
			org.cpr.curriculum.TopicLibrary topics, org.thymeleaf.ITemplateEngine templates) {
		this.registrations = registrations;
		this.catalogue = catalogue;
		this.attendance = attendance;
		this.topics = topics;
		this.templates = templates;
	}

	/**
	 * A certificate of attendance for one offering: the sessions the person attended,
	 * hours, topics, competencies.
	 */
	@GetMapping("/courses/offerings/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@org.springframework.web.bind.annotation.PathVariable String id,
			@AuthenticationPrincipal CprUser me, java.util.Locale locale) throws IOException {
		OfferingId offering = CourseViews.offeringId(id);
		List<TranscriptLine> lines = transcript(me).stream().filter(l -> l.offering().id().equals(offering)).toList();
		if (lines.isEmpty()) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		var taught = topics.byIds(lines.get(0).offering().topics()).values();
		var competencies = new java.util.TreeSet<org.cpr.curriculum.Competency>();
		taught.forEach(t -> competencies.addAll(t.competencies()));
		var context = new org.thymeleaf.context.Context(locale,
				Map.of("name", me.displayName(), "offering", lines.get(0).offering(), "lines", lines, "hours",
						lines.stream().mapToDouble(TranscriptLine::hours).sum(), "topics",
						taught.stream().map(org.cpr.curriculum.Topic::title).sorted().toList(), "competencies",
						competencies));
		String html = templates.process("courses/certificate-pdf", context);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		new com.openhtmltopdf.pdfboxout.PdfRendererBuilder().useFastMode()
			.withHtmlContent(html, null)
			.toStream(out)
			.run();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"certificate-" + offering + ".pdf\"")
			.body(out.toByteArray());
	}

	@GetMapping("/courses/mine")
	String mine(@AuthenticationPrincipal CprUser me, Model model) {
		List<Registration> mine = registrations.ofPerson(me.personId());
		Map<OfferingId, Offering> offerings = catalogue.byIds(mine.stream().map(Registration::offering).toList())
			.stream()
			.collect(Collectors.toMap(Offering::id, Function.identity()));
		model.addAttribute("registrations", mine);
		model.addAttribute("offerings", offerings);
		model.addAttribute("transcript", transcript(me));
		return VIEW;
	}

	@GetMapping("/courses/mine/transcript.csv")
	ResponseEntity<String> csv(@AuthenticationPrincipal CprUser me) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader("date", "offering", "kind", "hours", "time_zone").get())) {
			for (TranscriptLine line : transcript(me)) {
				csv.printRecord(line.session().start().toLocalDate(), CsvCells.safe(line.offering().title()),
						line.offering().kind(), String.format(java.util.Locale.ROOT, "%.2f", line.hours()),
						line.session().start().getZone());
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"my-transcript.csv\"")
			.body(out.toString());
	}

	private List<TranscriptLine> transcript(CprUser me) {
		var attended = attendance.attendedBy(me.personId());
		List<TranscriptLine> lines = new ArrayList<>();
		for (var entry : attended) {
			catalogue.findSession(entry.getKey())
				.ifPresent(s -> catalogue.find(s.offering())
					.ifPresent(o -> lines.add(new TranscriptLine(o, s, entry.getValue()))));
		}
		return lines;
	}

}
