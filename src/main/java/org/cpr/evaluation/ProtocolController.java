package org.cpr.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officer registers research protocols: IRB number, approval and expiry,
 * approved elements, PI, researchers.
 */
@Controller
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
class ProtocolController {

	static final String VIEW = "evaluation/protocols";

	/** The form as entered (kept on a refusal). */
	record ProtocolForm(String irbNumber, String title, String principalInvestigator, String approvedOn,
			String expiresOn, Set<ExportElement> elements, String researchers) {
	}

	private final ResearchExports exports;

	ProtocolController(ResearchExports exports) {
		this.exports = exports;
	}

	@Bean
	static NavigationItem protocolsLink() {
		return new NavigationItem(63, "/research/protocols", "evaluation.protocols.nav", Set.of(Role.PRIVACY_OFFICER));
	}

	@GetMapping("/research/protocols")
	String page(Model model) {
		model.addAttribute("protocols", exports.protocols());
		model.addAttribute("allElements", ExportElement.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ProtocolForm("", "", "", "", "", Set.of(), ""));
		}
		return VIEW;
	}

	@PostMapping("/research/protocols")
	String register(@RequestParam(required = false) String irbNumber, @RequestParam(required = false) String title,
			@RequestParam(required = false) String principalInvestigator,
			@RequestParam(required = false) String approvedOn, @RequestParam(required = false) String expiresOn,
			@RequestParam(required = false) List<String> elements, @RequestParam(required = false) String researchers,
			@AuthenticationPrincipal CprUser me, Model model, jakarta.servlet.http.HttpServletResponse response) {
		Set<ExportElement> chosen = EnumSet.noneOf(ExportElement.class);
		ProtocolForm form = new ProtocolForm(irbNumber, title, principalInvestigator, approvedOn, expiresOn, chosen,
				researchers);
		try {
			if (elements != null) {
				elements.forEach(e -> chosen.add(ExportElement.valueOf(e)));
			}
			List<String> usernames = researchers == null ? List.of()
					: Arrays.stream(researchers.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
			exports.register(new ResearchExports.ProtocolDraft(irbNumber, title, principalInvestigator,
					date(approvedOn), date(expiresOn), chosen, usernames), me.personId());
			return "redirect:/research/protocols?registered";
		}
		catch (ExportRefused refused) {
			return refused(refused.messageKey(), form, model, response);
		}
		catch (IllegalArgumentException | DateTimeParseException bad) {
			return refused("evaluation.export.refused.BAD_INPUT", form, model, response);
		}
	}

	private String refused(String key, ProtocolForm form, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("form", form);
		model.addAttribute("protocolError", key);
		return page(model);
	}

	private static LocalDate date(String s) {
		return s == null || s.isBlank() ? null : LocalDate.parse(s);
	}

}
