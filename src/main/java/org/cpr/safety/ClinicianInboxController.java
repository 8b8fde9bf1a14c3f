package org.cpr.safety;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.CprUser;
import org.cpr.safety.checkin.CheckinService;
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
 * The resilience clinician's alert inbox: sorted by tier and deadline; every view is
 * audited.
 */
@Controller
@RequestMapping("/clinician/alerts")
@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
class ClinicianInboxController {

	static final String INBOX_VIEW = "safety/inbox";
	static final String ALERT_VIEW = "safety/alert";

	/** A message to the person who asked for contact. */
	record ContactReplyForm(@NotBlank(message = "{contact.reply.required}") @Size(max = ContactMessages.MAX_LENGTH,
			message = "{contact.message.tooLong}") String body) {
	}

	private final SafetyAlerts alerts;

	private final CheckinService checkins;

	private final ContactMessages contact;

	private final IdentityManagement identity;

	private final java.time.Clock clock;

	ClinicianInboxController(SafetyAlerts alerts, CheckinService checkins, ContactMessages contact,
			IdentityManagement identity, java.time.Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.checkins = checkins;
		this.contact = contact;
		this.identity = identity;
	}

	@GetMapping
	String inbox(@AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("alerts", alerts.inbox(me.personId()));
		model.addAttribute("checkinLinks", checkins.submissionsByAlert());
		java.util.List<org.cpr.shared.PersonId> ladder = alerts.onCallLadder();
		java.util.Map<org.cpr.shared.PersonId, String> names = identity.displayNames(ladder);
		model.addAttribute("onCall", ladder.stream().map(p -> names.getOrDefault(p, "?")).toList());
		return INBOX_VIEW;
	}

	@GetMapping("/{id}")
	String alert(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("form", DispositionForm.empty());
		model.addAttribute("replyForm", new ContactReplyForm(""));
		return page(load(id, me), model);
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable UUID id, @AuthenticationPrincipal CprUser me,
			@Valid @ModelAttribute("replyForm") ContactReplyForm form, BindingResult errors, Model model) {
		AlertView alert = load(id, me);
		if (alert.anonymous()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		if (errors.hasErrors()) {
			model.addAttribute("form", DispositionForm.empty());
			return page(alert, model);
		}
		contact.clinicianReplies(id, me.personId(), form.body());
		return "redirect:/clinician/alerts/" + id + "#contact-thread";
	}

	/**
	 * The alert page; for an identified alert also who to reach and how, and the dialogue
	 * (covered by open()'s audit row), which clears its "new reply" mark.
	 */
	private String page(AlertView alert, Model model) {
		model.addAttribute("alert", alert);
		model.addAttribute("scores",
				alerts.scores(alert.id(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("today", java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
		if (!alert.anonymous()) {
			model.addAttribute("person", identity.person(alert.person()).orElse(null));
			model.addAttribute("thread", contact.thread(alert.id()));
			contact.threadRead(alert.id());
		}
		return ALERT_VIEW;
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		load(id, me);
		alerts.acknowledge(id, me.personId());
		return "redirect:/clinician/alerts/" + id;
	}

	@PostMapping("/{id}/disposition")
	String disposition(@PathVariable UUID id, @AuthenticationPrincipal CprUser me,
			@Valid @ModelAttribute("form") DispositionForm form, BindingResult errors, Model model) {
		AlertView alert = load(id, me);
		form.validate(errors);
		if (errors.hasErrors()) {
			model.addAttribute("replyForm", new ContactReplyForm(""));
			return page(alert, model);
		}
		alerts.recordDisposition(id, me.personId(), form.disposition(), form.risk(), form.nextAttemptOn());
		return "redirect:/clinician/alerts/" + id;
	}

	private AlertView load(UUID id, CprUser me) {
		return alerts.open(id, me.personId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
