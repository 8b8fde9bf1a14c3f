package org.cpr.evaluation;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.cpr.identity.CprUser;
import org.cpr.identity.OrgUnitSummary;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The ACGME well-being (VI.C) evidence pack of one program, as a page and as a PDF for
 * the program's annual review or a site visit.
 */
@Controller
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
class WellBeingEvidenceController {

	static final String PAGE = "evaluation/vic";

	private final WellBeingEvidence evidence;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final Clock clock;

	WellBeingEvidenceController(WellBeingEvidence evidence, ITemplateEngine templates, MessageSource messages,
			Clock clock) {
		this.evidence = evidence;
		this.templates = templates;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/evaluation/vic")
	String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String program,
			@AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		Viewer viewer = Viewers.of(me);
		List<OrgUnitSummary> programs = evidence.programs(viewer);
		AcademicYear chosen = AcademicYear.orCurrent(year, clock);
		model.addAttribute("year", chosen);
		model.addAttribute("programs", programs);
		UUID id = program(program, programs);
		if (id != null) {
			WellBeingPack pack = evidence.pack(chosen, id, viewer)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			model.addAttribute("pack", pack);
			model.addAttribute("texts", texts(pack, locale));
		}
		return PAGE;
	}

	@GetMapping("/evaluation/vic.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year, @RequestParam String program,
			@AuthenticationPrincipal CprUser me, Locale locale) {
		Viewer viewer = Viewers.of(me);
		AcademicYear chosen = AcademicYear.orCurrent(year, clock);
		UUID id = program(program, evidence.programs(viewer));
		WellBeingPack pack = (id == null ? java.util.Optional.<WellBeingPack>empty()
				: evidence.pack(chosen, id, viewer))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String html = templates.process("evaluation/vic-pdf",
				new Context(locale, Map.of("pack", pack, "year", chosen, "texts", texts(pack, locale))));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(out).run();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					"attachment; filename=\"well-being-evidence-" + chosen.startYear() + ".pdf\"")
			.body(out.toByteArray());
	}

	/**
	 * The chosen program if it is one of the viewer's, the first one when none chosen.
	 */
	private static UUID program(String requested, List<OrgUnitSummary> programs) {
		if (requested == null || requested.isBlank()) {
			return programs.isEmpty() ? null : programs.get(0).id().value();
		}
		try {
			UUID id = UUID.fromString(requested);
			return programs.stream().anyMatch(p -> p.id().value().equals(id)) ? id : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/**
	 * Each line's words, with arguments that are message keys (a stressor, an
	 * intervention) translated.
	 */
	private Map<WellBeingPack.Line, String> texts(WellBeingPack pack, Locale locale) {
		Map<WellBeingPack.Line, String> texts = new LinkedHashMap<>();
		for (WellBeingPack.Item item : pack.items()) {
			for (WellBeingPack.Line line : item.lines()) {
				List<Object> args = new ArrayList<>();
				for (Object a : line.arguments()) {
					args.add(a instanceof String s && (s.startsWith("needs.domain.") || s.startsWith("evaluation."))
							? messages.getMessage(s, null, s, locale) : a);
				}
				texts.put(line, messages.getMessage(line.messageKey(), args.toArray(), locale));
			}
		}
		return texts;
	}

}
