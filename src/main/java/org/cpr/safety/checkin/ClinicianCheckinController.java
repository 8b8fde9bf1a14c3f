package org.cpr.safety.checkin;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cpr.identity.CprUser;
import org.cpr.safety.SafetyAlerts;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The counselor's side of a check-in: scores, tier, the reply window, the dialogue and
 * any request to be contacted as themselves. Resilience clinicians only; every view is
 * audited.
 */
@Controller
@RequestMapping("/clinician/checkins")
@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
class ClinicianCheckinController {

	static final String VIEW = "safety/clinician-checkin";

	record ReplyForm(@NotBlank(message = "{checkin.reply.required}") @Size(max = 4000,
			message = "{checkin.message.tooLong}") String body) {
	}

	private final CheckinService checkins;

	private final SafetyAlerts alerts;

	ClinicianCheckinController(CheckinService checkins, SafetyAlerts alerts) {
		this.checkins = checkins;
		this.alerts = alerts;
	}

	/**
	 * The check-ins are listed, with their "new reply" marks, in the one inbox of alerts.
	 */
	@GetMapping
	String list() {
		return "redirect:/clinician/alerts";
	}

	@GetMapping("/{id}")
	String view(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("replyForm", new ReplyForm(""));
		return page(id, me, model);
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		CheckinThread thread = load(id, me);
		alerts.acknowledge(thread.alertId(), me.personId());
		return "redirect:/clinician/checkins/" + id;
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable UUID id, @AuthenticationPrincipal CprUser me,
			@Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return page(id, me, model);
		}
		load(id, me);
		checkins.clinicianReplies(id, me.personId(), form.body());
		return "redirect:/clinician/checkins/" + id;
	}

	private String page(UUID id, CprUser me, Model model) {
		CheckinThread thread = load(id, me);
		model.addAttribute("thread", thread);
		model.addAttribute("alert", alerts.open(thread.alertId(), me.personId()).orElse(null));
		return VIEW;
	}

	private CheckinThread load(UUID id, CprUser me) {
		return checkins.open(id, me.personId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
