package org.cpr.evaluation;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The annual evaluation report (page and PDF) with the committee's commentary, and the
 * planning page: next year's goals linked to findings, actions with owners and due dates,
 * their review. Everyone who sees aggregates reads; program directors and administrators
 * write.
 */
@Controller
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
class AnnualReportController {

	static final String REPORT = "evaluation/annual";
	static final String PLAN = "evaluation/plan";
	static final String WRITERS = "hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR')";

	private final AnnualEvaluation annual;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final Clock clock;

	AnnualReportController(AnnualEvaluation annual, ITemplateEngine templates, MessageSource messages, Clock clock) {
		this.annual = annual;
		this.templates = templates;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavigationItem annualLink() {
		return new NavigationItem(61, "/evaluation/annual", "evaluation.annual.nav",
				Set.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.FACILITATOR));
	}

	@GetMapping("/evaluation/annual")
	String report(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me, Model model) {
		AcademicYear chosen = AcademicYear.orCurrent(year, clock);
		model.addAttribute("year", chosen);
		model.addAttribute("years", years());
		model.addAttribute("report", annual.report(chosen, Viewers.of(me)));
		return REPORT;
	}

	@GetMapping("/evaluation/annual.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me,
			Locale locale) throws java.io.IOException {
		AcademicYear chosen = AcademicYear.orCurrent(year, clock);
		AnnualReport report = annual.report(chosen, Viewers.of(me));
		String html = templates.process("evaluation/annual-pdf",
				new Context(locale, Map.of("report", report, "year", chosen)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(out).run();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"evaluation-" + chosen.startYear() + ".pdf\"")
			.body(out.toByteArray());
	}

	@PostMapping("/evaluation/annual/commentary")
	@PreAuthorize(WRITERS)
	String commentary(@RequestParam int year, @RequestParam(required = false) String body,
			@AuthenticationPrincipal CprUser me, Model model, HttpServletResponse response) {
		AcademicYear chosen = AcademicYear.orCurrent(year, clock);
		try {
			annual.saveCommentary(chosen, body, me.personId());
			return "redirect:/evaluation/annual?year=" + chosen.startYear() + "&saved#commentary";
		}
		catch (AnnualEvaluation.PlanRefused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("commentaryError", refused.messageKey());
			model.addAttribute("commentaryDraft", body);
			return report(chosen.startYear(), me, model);
		}
	}

	@GetMapping("/evaluation/plan")
	String plan(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale) {
		AcademicYear reviewed = AcademicYear.orCurrent(year, clock);
		AnnualReport report = annual.report(reviewed, Viewers.of(me));
		model.addAttribute("year", reviewed);
		model.addAttribute("years", years());
		model.addAttribute("report", report);
		model.addAttribute("findings", findings(report, locale));
		model.addAttribute("statuses", AnnualReport.ActionStatus.values());
		return PLAN;
	}

	@PostMapping("/evaluation/plan/goals")
	@PreAuthorize(WRITERS)
	String goal(@RequestParam int year, @RequestParam(required = false) String statement,
			@RequestParam(required = false) String finding, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale, HttpServletResponse response) {
		AcademicYear reviewed = AcademicYear.orCurrent(year, clock);
		try {
			annual.addGoal(new AcademicYear(reviewed.startYear() + 1), statement, finding, me.personId());
			return "redirect:/evaluation/plan?year=" + reviewed.startYear() + "#next-plan";
		}
		catch (AnnualEvaluation.PlanRefused refused) {
			return planError(refused.messageKey(), Map.of("goalStatement", nz(statement), "goalFinding", nz(finding)),
					reviewed, me, model, locale, response);
		}
	}

	@PostMapping("/evaluation/plan/actions")
	@PreAuthorize(WRITERS)
	String action(@RequestParam int year, @RequestParam(required = false) String goal,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String dueOn, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale, HttpServletResponse response) {
		AcademicYear reviewed = AcademicYear.orCurrent(year, clock);
		try {
			LocalDate due;
			try {
				due = dueOn == null || dueOn.isBlank() ? null : LocalDate.parse(dueOn);
			}
			catch (DateTimeParseException e) {
				throw new AnnualEvaluation.PlanRefused("evaluation.plan.error.due");
			}
			annual.addAction(uuid(goal), description, owner, due, me.personId());
			return "redirect:/evaluation/plan?year=" + reviewed.startYear() + "#next-plan";
		}
		catch (AnnualEvaluation.PlanRefused refused) {
			return planError(refused.messageKey(), Map.of("actionGoal", nz(goal), "actionDescription", nz(description),
					"actionOwner", nz(owner), "actionDue", nz(dueOn)), reviewed, me, model, locale, response);
		}
	}

	@PostMapping("/evaluation/plan/actions/{id}/review")
	@PreAuthorize(WRITERS)
	String review(@PathVariable String id, @RequestParam int year, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale, HttpServletResponse response) {
		AcademicYear reviewed = AcademicYear.orCurrent(year, clock);
		try {
			AnnualReport.ActionStatus chosen;
			try {
				chosen = status == null ? null : AnnualReport.ActionStatus.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				chosen = null;
			}
			annual.reviewAction(uuid(id), chosen, note, me.personId());
			return "redirect:/evaluation/plan?year=" + reviewed.startYear() + "#next-plan";
		}
		catch (AnnualEvaluation.PlanRefused refused) {
			return planError(refused.messageKey(), Map.of("reviewNote", nz(note)), reviewed, me, model, locale,
					response);
		}
	}

	private String planError(String key, Map<String, String> entered, AcademicYear reviewed, CprUser me, Model model,
			Locale locale, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("planError", key);
		model.addAllAttributes(entered);
		return plan(reviewed.startYear(), me, model, locale);
	}

	/** Labels of what the report found, offered when a goal is linked to a finding. */
	private List<String> findings(AnnualReport report, Locale locale) {
		List<String> findings = new ArrayList<>();
		for (ImpactRow r : report.impact().rows()) {
			if (r.headline() != null) {
				findings.add(
						(r.offering() != null ? r.offering() : messages.getMessage(r.type().messageKey(), null, locale))
								+ " · " + messages.getMessage(r.instrument().messageKey(), null, locale) + " · g = "
								+ String.format(locale, "%.2f", r.headline().g()));
			}
		}
		for (ReachRow r : report.reach().rows(ReachRow.Dimension.ALL)) {
			if (r.ratePercent() != null) {
				findings.add(messages.getMessage(r.type().messageKey(), null, locale) + " · "
						+ String.format(locale, "%.0f %%", r.ratePercent()));
			}
		}
		return findings;
	}

	private List<AcademicYear> years() {
		List<AcademicYear> years = new ArrayList<>();
		AcademicYear y = AcademicYear.current(clock);
		for (int i = 0; i < 5; i++, y = y.previous()) {
			years.add(y);
		}
		return years;
	}

	private static UUID uuid(String s) {
		try {
			return s == null || s.isBlank() ? null : UUID.fromString(s);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
