package org.cpr.cqi;

import jakarta.validation.Valid;
import org.cpr.cqi.SpeakUpForms.ReportForm;
import org.cpr.identity.CprUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A confidential mistreatment report from a signed-in person who wants follow-up: the
 * identity is stored apart from the report and shown to the conduct officer alone, never
 * to program leadership.
 */
@Controller
class ConfidentialReportController {

	static final String FORM_VIEW = "cqi/confidential-report";

	private final SpeakUpChannel channel;

	ConfidentialReportController(SpeakUpChannel channel) {
		this.channel = channel;
	}

	@GetMapping("/cqi/confidential-report")
	String form(Model model) {
		model.addAttribute("form", ReportForm.fresh(ReportChannel.MISTREATMENT));
		return FORM_VIEW;
	}

	@PostMapping("/cqi/confidential-report")
	String submit(@Valid @ModelAttribute("form") ReportForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		if (errors.hasErrors()) {
			return FORM_VIEW;
		}
		ReportForm mistreatment = new ReportForm(ReportChannel.MISTREATMENT, form.category(), null, form.setting(),
				form.body(), form.wantsReplies(), form.idempotencyKey());
		try {
			model.addAttribute("receipt",
					channel.submit(mistreatment.submission(), form.idempotencyKey(), me.personId()));
			return SpeakUpController.RECEIPT_VIEW;
		}
		catch (SpeakUpChannel.KeyReusedException reused) {
			model.addAttribute("keyReused", true);
			return FORM_VIEW;
		}
	}

}
