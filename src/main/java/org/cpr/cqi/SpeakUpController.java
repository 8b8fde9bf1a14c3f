package org.cpr.cqi;

import jakarta.validation.Valid;
import org.cpr.cqi.SpeakUpForms.ReplyForm;
import org.cpr.cqi.SpeakUpForms.ReportForm;
import org.cpr.shared.FormErrors;
import org.cpr.shared.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Anonymous speak-up: report a systemic problem or mistreatment without signing in, and
 * read replies with the one-time reply code. Nothing here reads who the visitor is.
 */
@Controller
class SpeakUpController {

	static final String FORM_VIEW = "cqi/speak-up";
	static final String RECEIPT_VIEW = "cqi/speak-up-receipt";
	static final String REPLIES_VIEW = "cqi/speak-up-replies";

	private final SpeakUpChannel channel;

	private final HospitalReports hospitals;

	SpeakUpController(SpeakUpChannel channel, HospitalReports hospitals) {
		this.channel = channel;
		this.hospitals = hospitals;
	}

	/**
	 * Hospitals a report may name (optional, and coarse: counts of them pass the
	 * disclosure gate).
	 */
	@ModelAttribute("hospitals")
	java.util.List<org.cpr.identity.OrgUnitSummary> hospitals() {
		return hospitals.hospitals();
	}

	@Bean
	static PublicPaths speakUpPaths() {
		return PublicPaths.of("/speak-up", "/speak-up/**");
	}

	@GetMapping("/speak-up")
	String form(@RequestParam(defaultValue = "SYSTEMIC") ReportChannel about, Model model) {
		model.addAttribute("form", ReportForm.fresh(about));
		return FORM_VIEW;
	}

	@PostMapping("/speak-up")
	String submit(@Valid @ModelAttribute("form") ReportForm form, BindingResult errors, Model model) {
		if (form.hospitalId() != null
				&& hospitals().stream().noneMatch(h -> h.id().value().equals(form.hospitalId()))) {
			FormErrors.rejectValue(errors, "hospitalId", "cqi2.hospital.required");
		}
		if (errors.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			model.addAttribute("receipt", channel.submit(form.submission(), form.idempotencyKey(), null));
			return RECEIPT_VIEW;
		}
		catch (SpeakUpChannel.KeyReusedException reused) {
			model.addAttribute("keyReused", true);
			return FORM_VIEW;
		}
	}

	@GetMapping("/speak-up/replies")
	String replies(Model model) {
		model.addAttribute("replyForm", new ReplyForm("", ""));
		return REPLIES_VIEW;
	}

	/** The code travels in the POST body, never in a URL. */
	@PostMapping("/speak-up/replies")
	String read(@Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return REPLIES_VIEW;
		}
		if (form.body() != null && !form.body().isBlank()) {
			channel.reporterReplies(form.code(), form.body());
		}
		channel.byReplyCode(form.code()).ifPresentOrElse(report -> {
			model.addAttribute("report", report);
			model.addAttribute("replyForm", new ReplyForm(form.code(), ""));
		}, () -> FormErrors.rejectValue(errors, "code", "speakup.code.unknown"));
		return REPLIES_VIEW;
	}

	@ResponseStatus(HttpStatus.BAD_REQUEST)
	@org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	String badChannel(Model model) {
		model.addAttribute("form", ReportForm.fresh(ReportChannel.SYSTEMIC));
		model.addAttribute("hospitals", hospitals());
		return FORM_VIEW;
	}

}
