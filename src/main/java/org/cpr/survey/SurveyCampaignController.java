package org.cpr.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.TraineeType;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.FormErrors;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Facilitators' campaign pages: campaigns (audience, schedule, privacy mode and
 * thresholds), launch, waves with response rates and reminders.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
class SurveyCampaignController {

	private final SurveyCampaigns campaigns;

	private final QuestionnaireLibrary library;

	private final IdentityManagement identity;

	private final Clock clock;

	SurveyCampaignController(SurveyCampaigns campaigns, QuestionnaireLibrary library, IdentityManagement identity,
			Clock clock) {
		this.campaigns = campaigns;
		this.library = library;
		this.identity = identity;
		this.clock = clock;
	}

	@Bean
	static NavigationItem campaignsLink() {
		return new NavigationItem(51, "/surveys/campaigns", "survey.nav.campaigns",
				Set.of(Role.FACILITATOR, Role.SYSTEM_ADMIN));
	}

	@GetMapping("/surveys/campaigns")
	String campaigns(Model model) {
		model.addAttribute("campaigns", campaigns.all());
		return "survey/campaigns";
	}

	@GetMapping("/surveys/campaigns/new")
	String newCampaign(@RequestParam(required = false) String questionnaire, Model model) {
		CampaignForm empty = CampaignForm.empty(LocalDate.now(clock));
		if (questionnaire != null) {
			empty = new CampaignForm("", "", questionnaire, empty.privacyMode(), 5, 10, "", List.of(), List.of(),
					List.of(), empty.schedule(), empty.opensOn(), 14, 4, null);
		}
		model.addAttribute("form", empty);
		return campaignForm(model);
	}

	@PostMapping("/surveys/campaigns")
	String create(@AuthenticationPrincipal CprUser user, @Valid @ModelAttribute("form") CampaignForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		if (errors.getTarget() == null) {
			// a value no field of the page can produce (text in a number, an unknown
			// choice): nothing to mark, so a 400
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		QuestionnaireVersion version = null;
		if (!errors.hasFieldErrors("questionnaire")) {
			version = published().stream().filter(v -> key(v).equals(form.questionnaire())).findFirst().orElse(null);
			if (version == null) {
				FormErrors.rejectValue(errors, "questionnaire", "survey.form.questionnaire.required");
			}
		}
		if (form.schedule() != null && form.schedule() != Schedule.Kind.ONE_OFF && form.endsOn() == null) {
			FormErrors.rejectValue(errors, "endsOn", "survey.form.endsOn.required");
		}
		if (form.endsOn() != null && form.opensOn() != null && form.endsOn().isBefore(form.opensOn())) {
			FormErrors.rejectValue(errors, "endsOn", "survey.form.endsOn.beforeStart");
		}
		if (form.schedule() == Schedule.Kind.ROTATION && form.blockWeeks() == null) {
			FormErrors.rejectValue(errors, "blockWeeks", "survey.form.blockWeeks");
		}
		if (form.hospital() != null && !form.hospital().isBlank()
				&& campaigns.hospitals().stream().noneMatch(h -> h.code().equals(form.hospital()))) {
			FormErrors.rejectValue(errors, "hospital", "survey.form.hospital.unknown");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return campaignForm(model);
		}
		UUID id;
		try {
			id = campaigns.create(user.personId(),
					new CampaignSettings(form.title().strip(), blankToNull(form.description()), version.definitionId(),
							Integer.toString(version.number()), form.privacyMode(), form.minRespondents(),
							form.minComments(), blankToNull(form.hospital()), form.audience(), form.toSchedule()));
		}
		catch (CampaignRefused refused) {
			FormErrors.rejectValue(errors, refused.field(), refused.code());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return campaignForm(model);
		}
		return "redirect:/surveys/campaigns/" + id;
	}

	@GetMapping("/surveys/campaigns/{id}")
	String campaign(@PathVariable UUID id, Model model) {
		Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		record WaveView(Wave wave, ResponseRate rate, boolean open) {
		}
		LocalDate today = LocalDate.now(clock);
		List<WaveView> waves = campaigns.waves(id)
			.stream()
			.map(w -> new WaveView(w, campaigns.rates(w.id(), c.minRespondents()).get(0), w.openOn(today)))
			.toList();
		model.addAttribute("campaign", c);
		model.addAttribute("waves", waves);
		model.addAttribute("planned", c.launched() ? List.of() : c.schedule().waves());
		model.addAttribute("audienceSize", c.audience().defined() ? campaigns.audienceSize(c.audience()) : null);
		model.addAttribute("unitNames", unitNames(c.audience()));
		model.addAttribute("hospitalName", c.hospital() == null ? null : campaigns.groupLabel(c.hospital()));
		return "survey/campaign";
	}

	@PostMapping("/surveys/campaigns/{id}/launch")
	String launch(@AuthenticationPrincipal CprUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			campaigns.launch(user.personId(), id);
			redirect.addFlashAttribute("message", "survey.launched");
		}
		catch (SurveyConflictException e) {
			redirect.addFlashAttribute("message", e.code());
		}
		return "redirect:/surveys/campaigns/" + id;
	}

	@PostMapping("/surveys/waves/{waveId}/remind")
	String remind(@PathVariable UUID waveId, RedirectAttributes redirect) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		int n = campaigns.remind(waveId);
		redirect.addFlashAttribute("message", "survey.reminded");
		redirect.addFlashAttribute("messageArg", n);
		return "redirect:/surveys/campaigns/" + c.id();
	}

	private String campaignForm(Model model) {
		model.addAttribute("questionnaires", published());
		model.addAttribute("units", identity.orgUnits());
		model.addAttribute("hospitals", campaigns.hospitals());
		model.addAttribute("traineeTypes", TraineeType.values());
		model.addAttribute("roles", Role.values());
		model.addAttribute("modes", PrivacyMode.values());
		model.addAttribute("schedules", Schedule.Kind.values());
		return "survey/campaign-form";
	}

	private List<QuestionnaireVersion> published() {
		return library.published();
	}

	private static String key(QuestionnaireVersion v) {
		return v.definitionId() + ":" + v.number();
	}

	private List<String> unitNames(Audience a) {
		return identity.orgUnits().stream().filter(u -> a.units().contains(u.id().value())).map(u -> u.name()).toList();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
