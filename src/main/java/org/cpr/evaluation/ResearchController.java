package org.cpr.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The researcher's page: their registered protocols and, per protocol, a de-identified
 * export of the approved elements (CSV, streamed) and its REDCap data dictionary. A
 * refused request shows why, keeps what was entered, and exports nothing.
 */
@Controller
@PreAuthorize("hasRole('RESEARCHER')")
class ResearchController {

	static final String VIEW = "evaluation/research";

	/** What the researcher entered, echoed back on a refusal. */
	record ExportForm(String protocol, Set<ExportElement> elements, String from, String to) {
	}

	private final ResearchExports exports;

	ResearchController(ResearchExports exports) {
		this.exports = exports;
	}

	@Bean
	static NavigationItem researchLink() {
		return new NavigationItem(62, "/research", "evaluation.research.nav", Set.of(Role.RESEARCHER));
	}

	@GetMapping("/research")
	String page(@AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("protocols", exports.protocolsOf(me.personId()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ExportForm(null, Set.of(), null, null));
		}
		return VIEW;
	}

	/**
	 * Streams the CSV (or the dictionary) straight to the response; a refusal renders the
	 * page with the reason instead.
	 */
	@PostMapping("/research/export")
	String export(@RequestParam(required = false) String protocol,
			@RequestParam(required = false) List<String> elements, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "csv") String what,
			@AuthenticationPrincipal CprUser me, Model model, HttpServletResponse response) throws IOException {
		Set<ExportElement> chosen = EnumSet.noneOf(ExportElement.class);
		ExportForm form = new ExportForm(protocol, chosen, from, to);
		ExportRequest request;
		ResearchProtocol p;
		try {
			if (elements != null) {
				elements.forEach(e -> chosen.add(ExportElement.valueOf(e)));
			}
			request = new ExportRequest(uuid(protocol), chosen, date(from), date(to));
			if ("dictionary".equals(what)) {
				String dictionary = exports.dictionary(request, me.personId());
				csvHeaders(response, "redcap-data-dictionary.csv");
				response.getOutputStream().write(dictionary.getBytes(StandardCharsets.UTF_8));
				return null;
			}
			p = exports.check(request, me.personId());
		}
		catch (ExportRefused refused) {
			return refusedPage(refused.messageKey(), form, me, model, response);
		}
		catch (IllegalArgumentException | DateTimeParseException bad) {
			return refusedPage("evaluation.export.refused.BAD_INPUT", form, me, model, response);
		}
		csvHeaders(response, fileName(p, request));
		exports.export(request, me.personId(), response.getOutputStream());
		return null;
	}

	private static void csvHeaders(HttpServletResponse response, String fileName) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private String refusedPage(String key, ExportForm form, CprUser me, Model model, HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("exportError", key);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(me, model);
	}

	private static String fileName(ResearchProtocol p, ExportRequest r) {
		return "cpr-export-" + p.irbNumber().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + r.from() + "-" + r.to() + ".csv";
	}

	private static UUID uuid(String s) {
		return s == null || s.isBlank() ? null : UUID.fromString(s);
	}

	private static LocalDate date(String s) {
		return s == null || s.isBlank() ? null : LocalDate.parse(s);
	}

}
