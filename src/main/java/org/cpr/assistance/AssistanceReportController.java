package org.cpr.assistance;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Access to assistance for the program's lead (facilitators): gated aggregates only. */
@Controller
@PreAuthorize("hasRole('FACILITATOR')")
class AssistanceReportController {

	static final String VIEW = "assistance/report";

	private final AssistanceReports reports;

	AssistanceReportController(AssistanceReports reports) {
		this.reports = reports;
	}

	@GetMapping("/assistance/reports")
	String report(@RequestParam(defaultValue = "90") int days, @AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("report",
				reports.lastDays(Math.max(7, Math.min(days, 730)), me.personId(), Role.FACILITATOR));
		return VIEW;
	}

}
