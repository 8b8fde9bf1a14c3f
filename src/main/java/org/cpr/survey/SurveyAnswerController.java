package org.cpr.survey;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.shared.NavigationItem;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Respondents' survey pages: "my surveys", the answering form (phone first; server drafts
 * in identified modes, browser sessionStorage drafts in anonymous mode; idempotent
 * submit), the confirmation and the person's own answer as FHIR.
 */
@Controller
class SurveyAnswerController {

	private final SurveyCampaigns campaigns;

	private final SurveyResponses responses;

	private final MessageSource messages;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	SurveyAnswerController(SurveyCampaigns campaigns, SurveyResponses responses, MessageSource messages, Clock clock) {
		this.campaigns = campaigns;
		this.responses = responses;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavigationItem mySurveysLink() {
		return new NavigationItem(20, "/surveys", "survey.nav.mine", Set.of());
	}

	record OpenSurvey(UUID waveId, String title, String waveLabel, LocalDate closesOn, boolean done, String mode) {
	}

	@GetMapping("/surveys")
	String mine(@AuthenticationPrincipal CprUser user, Model model) {
		List<OpenSurvey> open = new ArrayList<>();
		for (Wave w : responses.openWavesFor(user.personId())) {
			campaigns.find(w.campaignId())
				.ifPresent(c -> open.add(new OpenSurvey(w.id(), c.title(), w.label(), w.closesOn(),
						responses.completed(w.id(), user.personId()), c.privacyMode().name())));
		}
		model.addAttribute("surveys", open);
		return "survey/mine";
	}

	@GetMapping("/surveys/waves/{waveId}")
	String form(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId, Model model) {
		Answering a = answering(user, waveId);
		if (responses.completed(waveId, user.personId())) {
			model.addAttribute("campaign", a.campaign());
			model.addAttribute("waveId", waveId);
			model.addAttribute("already", true);
			return "survey/done";
		}
		Map<String, String> answers = new HashMap<>();
		if (a.campaign().privacyMode().identified()) {
			responses.draft(waveId, user.personId()).ifPresent(d -> answers.putAll(flatten(d)));
		}
		return render(a, answers, Map.of(), new Ctx(null, null, null), UUID.randomUUID().toString(), null, model);
	}

	@PostMapping("/surveys/waves/{waveId}")
	String submit(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Answering a = answering(user, waveId);
		PostedAnswers posted = responses.read(a.campaign(), params);
		Map<String, String> typed = posted.entered();
		Map<String, Object> answers = posted.answers();
		Ctx ctx = new Ctx(
				allowed(params.getFirst("ctx_hospital"), campaigns.hospitals().stream().map(h -> h.code()).toList()),
				allowed(params.getFirst("ctx_rotation"), SubmissionContext.ROTATIONS),
				allowed(params.getFirst("ctx_pgy"), SubmissionContext.PGY_BANDS));
		String key = params.getFirst("idempotencyKey");
		if (key == null || !key.matches("[0-9a-f-]{36}")) {
			key = UUID.randomUUID().toString();
		}
		if ("draft".equals(params.getFirst("action")) && a.campaign().privacyMode().identified()) {
			try {
				responses.saveDraft(waveId, user.personId(), answers);
			}
			catch (InvalidAnswersException invalid) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return render(a, typed, invalid.errors(), ctx, key, "survey.form.errors", model);
			}
			return render(a, typed, Map.of(), ctx, key, "survey.draft.saved", model);
		}
		try {
			SubmissionReceipt out = responses.submit(waveId, user.personId(), key, answers,
					new SubmissionContext(ctx.hospital(), ctx.rotation(), ctx.pgy()));
			redirect.addFlashAttribute("receipt", out.receipt());
			return "redirect:/surveys/waves/" + waveId + "/done";
		}
		catch (InvalidAnswersException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(a, typed, invalid.errors(), ctx, key, "survey.form.errors", model);
		}
		catch (SurveyConflictException conflict) {
			if ("survey.wave.alreadyCompleted".equals(conflict.code())) {
				model.addAttribute("campaign", a.campaign());
				model.addAttribute("waveId", waveId);
				model.addAttribute("already", true);
				return "survey/done";
			}
			response.setStatus(conflict.status());
			String next = "survey.idempotency.mismatch".equals(conflict.code()) ? UUID.randomUUID().toString() : key;
			return render(a, typed, Map.of(), ctx, next, conflict.code(), model);
		}
	}

	@GetMapping("/surveys/waves/{waveId}/done")
	String done(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId, Model model) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!model.containsAttribute("receipt") && !responses.completed(waveId, user.personId())) {
			return "redirect:/surveys/waves/" + waveId;
		}
		model.addAttribute("campaign", c);
		model.addAttribute("waveId", waveId);
		return "survey/done";
	}

	/**
	 * The signed-in person's own answer to an identified wave, as a FHIR
	 * QuestionnaireResponse file.
	 */
	@GetMapping("/surveys/waves/{waveId}/answers.fhir.json")
	ResponseEntity<String> myAnswers(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
		String body;
		try {
			body = responses.myAnswers(waveId, user.personId());
		}
		catch (SurveyConflictException e) {
			throw new ResponseStatusException(HttpStatus.valueOf(e.status()),
					messages.getMessage(e.code(), null, e.code(), LocaleContextHolder.getLocale()));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(SurveyResponseApiController.FHIR_JSON))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("survey-answers-" + waveId + ".fhir.json")
						.build()
						.toString())
			.body(body);
	}

	record Answering(Campaign campaign, Wave wave, FormView form) {
	}

	record Ctx(String hospital, String rotation, String pgy) {
	}

	private Answering answering(CprUser user, UUID waveId) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Wave wave = campaigns.wave(waveId).orElseThrow();
		if (!c.launched() || responses.excluded(c.id(), user.personId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!wave.openOn(LocalDate.now(clock))) {
			throw new ResponseStatusException(HttpStatus.GONE);
		}
		return new Answering(c, wave, responses.form(c));
	}

	private String render(Answering a, Map<String, String> answers, Map<String, String> errors, Ctx ctx, String key,
			String message, Model model) {
		Map<String, String> itemErrors = new HashMap<>(errors);
		if (itemErrors.remove("answers") != null) {
			message = "survey.answers.required";
		}
		model.addAttribute("campaign", a.campaign());
		model.addAttribute("wave", a.wave());
		model.addAttribute("form", a.form());
		model.addAttribute("answers", answers);
		model.addAttribute("errors", itemErrors);
		model.addAttribute("ctx", ctx);
		model.addAttribute("idempotencyKey", key);
		model.addAttribute("message", message);
		model.addAttribute("hospitals", campaigns.hospitals());
		model.addAttribute("rotations", SubmissionContext.ROTATIONS);
		model.addAttribute("pgyBands", SubmissionContext.PGY_BANDS);
		model.addAttribute("anonymous", !a.campaign().privacyMode().identified());
		model.addAttribute("senderAttributes", responses.attributesFromSender(a.campaign().id()));
		return "survey/answer";
	}

	private Map<String, String> flatten(String canonical) {
		Map<String, String> out = new HashMap<>();
		try {
			JsonNode node = json.readTree(canonical);
			node.properties()
				.forEach(e -> out.put(e.getKey(), e.getValue().isNumber()
						? e.getValue().decimalValue().stripTrailingZeros().toPlainString() : e.getValue().asText()));
		}
		catch (IOException e) {
			return out;
		}
		return out;
	}

	private static String allowed(String value, List<String> allowed) {
		return value != null && allowed.contains(value) ? value : null;
	}

}
