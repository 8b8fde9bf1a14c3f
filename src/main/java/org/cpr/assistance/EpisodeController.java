package org.cpr.assistance;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One episode of care for its care team (or a clinician under a break-the-glass grant):
 * intake and measures, appointments, notes, referrals, proposed pathway steps, closure.
 * Anyone else gets the locked page with the break-the-glass form.
 */
@Controller
@RequestMapping("/assistance/episodes/{id}")
@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
class EpisodeController {

	static final String EPISODE_VIEW = "assistance/episode";
	static final String LOCKED_VIEW = "assistance/episode-locked";
	static final String MEASURE_VIEW = "assistance/measure";

	private final CareRecords records;

	private final Referrals referrals;

	private final BreakTheGlass glass;

	private final Pathways pathways;

	private final ServiceDirectory directory;

	private final IdentityManagement identity;

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	EpisodeController(CareRecords records, Referrals referrals, BreakTheGlass glass, Pathways pathways,
			ServiceDirectory directory, IdentityManagement identity, QuestionnaireLibrary library, Scoring scoring) {
		this.records = records;
		this.referrals = referrals;
		this.glass = glass;
		this.pathways = pathways;
		this.directory = directory;
		this.identity = identity;
		this.library = library;
		this.scoring = scoring;
	}

	@GetMapping
	String episode(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, HttpServletResponse response,
			Model model) {
		return page(id, me, "", null, response, model);
	}

	@PostMapping("/notes")
	String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
			@AuthenticationPrincipal CprUser me, HttpServletResponse response, Model model) {
		try {
			records.addNote(id, me.personId(), body);
			return "redirect:/assistance/episodes/" + id + "?noted";
		}
		catch (AssistanceRefused refused) {
			if (refused.reason() == AssistanceRefused.Reason.NOTE_REQUIRED) {
				return page(id, me, body, refused.messageKey(), response, model);
			}
			throw refused;
		}
	}

	@GetMapping("/measures/{instrument}")
	String measureForm(@PathVariable UUID id, @PathVariable String instrument, Model model) {
		model.addAttribute("episodeId", id);
		model.addAttribute("form", form(instrument));
		model.addAttribute("answers", Map.of());
		model.addAttribute("errors", Map.of());
		return MEASURE_VIEW;
	}

	@PostMapping("/measures/{instrument}")
	String measure(@PathVariable UUID id, @PathVariable String instrument,
			@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CprUser me, Model model) {
		FormView form = form(instrument);
		Map<String, String> answers = new HashMap<>();
		try {
			records.recordMeasure(id, me.personId(), instrument, MyRecordController.answers(form, params, answers));
			return "redirect:/assistance/episodes/" + id + "?measured";
		}
		catch (InvalidAnswersException invalid) {
			model.addAttribute("episodeId", id);
			model.addAttribute("form", form);
			model.addAttribute("answers", answers);
			model.addAttribute("errors",
					invalid.errors().stream().collect(Collectors.toMap(ItemError::item, ItemError::code, (a, b) -> a)));
			return MEASURE_VIEW;
		}
	}

	@PostMapping("/referrals")
	String refer(@PathVariable UUID id, @RequestParam(required = false) UUID service,
			@RequestParam(defaultValue = "") String handoff, @RequestParam(defaultValue = "false") boolean consent,
			@AuthenticationPrincipal CprUser me) {
		referrals.refer(id, me.personId(), service, handoff, consent);
		return "redirect:/assistance/episodes/" + id + "?referred";
	}

	@PostMapping("/referrals/{referral}/status")
	String referralStatus(@PathVariable UUID id, @PathVariable UUID referral, @RequestParam ReferralStatus status,
			@AuthenticationPrincipal CprUser me) {
		referrals.update(referral, me.personId(), status);
		return "redirect:/assistance/episodes/" + id;
	}

	@PostMapping("/steps")
	String acceptStep(@PathVariable UUID id, @RequestParam String pathway, @RequestParam String step,
			@AuthenticationPrincipal CprUser me) {
		if (!pathways.hasStep(pathway, step)) {
			throw new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_STEP);
		}
		records.acceptStep(id, me.personId(), pathway, step);
		return "redirect:/assistance/episodes/" + id + "?accepted";
	}

	@PostMapping("/close")
	String close(@PathVariable UUID id, @RequestParam ClosureReason reason, @AuthenticationPrincipal CprUser me) {
		records.close(id, me.personId(), reason);
		return "redirect:/assistance/episodes/" + id + "?closed";
	}

	@PostMapping("/break-glass")
	String breakGlass(@PathVariable UUID id, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal CprUser me, HttpServletResponse response, Model model) {
		try {
			glass.breakGlass(id, me.personId(), me.getUsername(), me.roles(), password, code, reason);
			return "redirect:/assistance/episodes/" + id + "?glass";
		}
		catch (AssistanceRefused refused) {
			response.setStatus(refused.reason().status() == 401 ? 403 : refused.reason().status());
			return locked(id, me, reason, refused.messageKey(), model);
		}
	}

	private String page(UUID id, CprUser me, String noteDraft, String noteError, HttpServletResponse response,
			Model model) {
		if (!records.mayRead(id, me.personId())) {
			records.find(id).orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_EPISODE));
			response.setStatus(403);
			return locked(id, me, "", null, model);
		}
		EpisodeRecord record = records.read(id, me.personId());
		Set<PersonId> people = new HashSet<>(record.episode().careTeam());
		people.add(record.episode().person());
		record.notes().forEach(n -> people.add(n.author()));
		record.glassBreaks().forEach(g -> people.add(g.clinician()));
		Map<UUID, ServiceEntry> services = directory.everything()
			.stream()
			.filter(s -> !s.retired())
			.collect(Collectors.toMap(ServiceEntry::id, s -> s, (a, b) -> a));
		model.addAttribute("record", record);
		model.addAttribute("person", identity.person(record.episode().person()).orElse(null));
		model.addAttribute("names", identity.displayNames(people));
		model.addAttribute("services", services);
		model.addAttribute("serviceList",
				services.values().stream().sorted(Comparator.comparing(ServiceEntry::name)).toList());
		model.addAttribute("proposed", pathways.proposedFor(record.measures()));
		model.addAttribute("pathways", pathways.all());
		model.addAttribute("accepted",
				record.steps().stream().map(s -> s.pathway() + "/" + s.step()).collect(Collectors.toSet()));
		model.addAttribute("instruments",
				List.of("phq-9", "gad-7", "pc-ptsd-5", "who-5", "cbi", "burnout-single-item"));
		model.addAttribute("closureReasons", ClosureReason.values());
		model.addAttribute("noteDraft", noteDraft);
		model.addAttribute("noteError", noteError);
		model.addAttribute("treating", record.episode().careTeam().contains(me.personId()));
		return EPISODE_VIEW;
	}

	private String locked(UUID id, CprUser me, String reason, String problem, Model model) {
		model.addAttribute("episodeId", id);
		model.addAttribute("mayBreak", BreakTheGlass.allowed(me.roles()));
		model.addAttribute("reason", reason);
		model.addAttribute("problem", problem);
		return LOCKED_VIEW;
	}

	private FormView form(String instrument) {
		return scoring.form(library.latestPublished(instrument)
			.orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_STEP))
			.id());
	}

}
