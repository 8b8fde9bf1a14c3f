package org.cpr.assistance;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on an assistance page: a plain page saying why, with the matching HTTP
 * status; nothing was changed.
 */
@ControllerAdvice(assignableTypes = { BookingController.class, MyRecordController.class, ClinicianController.class,
		EpisodeController.class })
@org.springframework.core.annotation.Order(0)
class AssistancePages {

	static final String REFUSED_VIEW = "assistance/refused";

	@ExceptionHandler(AssistanceRefused.class)
	String refused(AssistanceRefused refused, HttpServletResponse response, Model model) {
		response.setStatus(refused.reason().status() == 401 ? 403 : refused.reason().status());
		model.addAttribute("problem", refused.messageKey());
		return REFUSED_VIEW;
	}

	/**
	 * Navigation: everyone may book; clinicians see their caseload; the program's
	 * facilitators the access report.
	 */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Navigation {

		@org.springframework.context.annotation.Bean
		org.cpr.shared.NavigationItem assistanceNavigation() {
			return new org.cpr.shared.NavigationItem(45, "/assistance/mine", "assistance.nav", java.util.Set.of());
		}

		@org.springframework.context.annotation.Bean
		org.cpr.shared.NavigationItem caseloadNavigation() {
			return new org.cpr.shared.NavigationItem(46, "/assistance/clinician", "assistance.clinician.nav",
					java.util.Set.of(org.cpr.shared.Role.RESILIENCE_CLINICIAN));
		}

		@org.springframework.context.annotation.Bean
		org.cpr.shared.NavigationItem assistanceReportNavigation() {
			return new org.cpr.shared.NavigationItem(47, "/assistance/reports", "assistance.report.nav",
					java.util.Set.of(org.cpr.shared.Role.FACILITATOR));
		}

	}

}
