package org.cpr.assistance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.ItemError;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.Scoring;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's own view: appointments, intake questionnaires to share before the first
 * appointment, what they shared, referrals, who broke the glass, and downloads (PDF, and
 * the measures as FHIR QuestionnaireResponses written by the questionnaire module).
 */
@Controller
class MyRecordController {

	static final String MINE_VIEW = "assistance/mine";
	static final String INTAKE_VIEW = "assistance/intake";

	private final CareRecords records;

	private final Scoring scoring;

	private final QuestionnaireLibrary library;

	private final ServiceDirectory directory;

	private final IdentityManagement identity;

	private final org.thymeleaf.ITemplateEngine templates;

	private final Clock clock;

	private final List<String> intake;

	MyRecordController(CareRecords records, Scoring scoring, QuestionnaireLibrary library, ServiceDirectory directory,
			IdentityManagement identity, org.thymeleaf.ITemplateEngine templates, Clock clock,
			@Value("${cpr.assistance.intake-instruments:phq-9,gad-7,pc-ptsd-5}") List<String> intake) {
		this.records = records;
		this.scoring = scoring;
		this.library = library;
		this.directory = directory;
		this.identity = identity;
		this.templates = templates;
		this.clock = clock;
		this.intake = intake;
	}

	@GetMapping("/assistance/mine")
	String mine(@AuthenticationPrincipal CprUser me, Model model) {
		PersonalRecord record = records.personal(me.personId());
		model.addAllAttributes(view(record));
		model.addAttribute("intake", records.openOf(me.personId()).isPresent() ? intakeChoices() : Map.of());
		return MINE_VIEW;
	}

	@GetMapping("/assistance/intake/{instrument}")
	String intakeForm(@PathVariable String instrument, Model model) {
		model.addAttribute("form", form(instrument));
		model.addAttribute("answers", Map.of());
		model.addAttribute("errors", Map.of());
		return INTAKE_VIEW;
	}

	@PostMapping("/assistance/intake/{instrument}")
	String intake(@PathVariable String instrument, @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CprUser me, Model model) {
		FormView form = form(instrument);
		Episode episode = records.openOf(me.personId())
			.orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_EPISODE));
		Map<String, String> answers = new HashMap<>();
		ObjectNode json = answers(form, params, answers);
		try {
			records.recordMeasure(episode.id(), me.personId(), instrument, json);
			return "redirect:/assistance/mine?shared";
		}
		catch (InvalidAnswersException invalid) {
			model.addAttribute("form", form);
			model.addAttribute("answers", answers);
			model.addAttribute("errors",
					invalid.errors().stream().collect(Collectors.toMap(ItemError::item, ItemError::code, (a, b) -> a)));
			return INTAKE_VIEW;
		}
	}

	@GetMapping("/assistance/mine/record.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CprUser me, Locale locale) throws java.io.IOException {
		var context = new org.thymeleaf.context.Context(locale, view(records.personal(me.personId())));
		context.setVariable("name", me.displayName());
		context.setVariable("generated", clock.instant());
		String html = templates.process("assistance/record-pdf", context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new com.openhtmltopdf.pdfboxout.PdfRendererBuilder().useFastMode()
			.withHtmlContent(html, null)
			.toStream(out)
			.run();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"my-assistance-record.pdf\"")
			.body(out.toByteArray());
	}

	@GetMapping("/assistance/mine/measures.json")
	ResponseEntity<String> fhir(@AuthenticationPrincipal CprUser me) {
		List<Scoring.BundleEntry> entries = records.personal(me.personId())
			.measures()
			.stream()
			.map(m -> new Scoring.BundleEntry(m.id().toString(), m.versionId(), m.instrumentId(), m.versionNumber(),
					m.answers(), m.score(), m.band(), m.takenAt()))
			.toList();
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "fhir+json", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"my-measures.fhir.json\"")
			.body(scoring.bundle(entries, clock.instant()));
	}

	private Map<String, Object> view(PersonalRecord record) {
		Map<UUID, ServiceEntry> services = new HashMap<>();
		record.referrals().forEach(r -> directory.find(r.serviceId()).ifPresent(s -> services.put(s.id(), s)));
		java.util.Set<PersonId> people = new java.util.HashSet<>();
		record.glassBreaks().forEach(g -> people.add(g.clinician()));
		record.appointments().forEach(a -> people.add(a.clinician()));
		Map<String, Object> model = new HashMap<>();
		model.put("record", record);
		model.put("services", services);
		model.put("names", identity.displayNames(people));
		model.put("now", clock.instant());
		return model;
	}

	private Map<String, String> intakeChoices() {
		Map<String, String> choices = new java.util.LinkedHashMap<>();
		intake.forEach(id -> library.latestPublished(id).ifPresent(v -> choices.put(id, v.title())));
		return choices;
	}

	private FormView form(String instrument) {
		if (!intake.contains(instrument)) {
			throw new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_STEP);
		}
		return scoring.form(library.latestPublished(instrument)
			.orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_STEP))
			.id());
	}

	/**
	 * The form's answers as the engine's short form; {@code echo} keeps what was entered,
	 * for re-display.
	 */
	static ObjectNode answers(FormView form, MultiValueMap<String, String> params, Map<String, String> echo) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		for (FormView.Item item : form.items()) {
			String value = params.getFirst("a_" + item.linkId());
			if (value == null || value.isBlank()) {
				continue;
			}
			echo.put(item.linkId(), value);
			switch (item.kind()) {
				case "BOOLEAN" -> json.put(item.linkId(), Boolean.parseBoolean(value));
				case "CHOICE", "INTEGER", "DECIMAL" -> {
					try {
						json.put(item.linkId(), new java.math.BigDecimal(value));
					}
					catch (NumberFormatException e) {
						json.put(item.linkId(), value);
					}
				}
				default -> json.put(item.linkId(), value);
			}
		}
		return json;
	}

}
