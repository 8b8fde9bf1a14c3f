package org.cpr.evaluation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reach and relative impact pages for the people who see gated aggregates. */
@Controller
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
class EvaluationController {

	static final String REACH = "evaluation/reach";
	static final String IMPACT = "evaluation/impact";

	private final ProgramEvaluation evaluation;

	private final Clock clock;

	EvaluationController(ProgramEvaluation evaluation, Clock clock) {
		this.evaluation = evaluation;
		this.clock = clock;
	}

	@Bean
	static NavigationItem evaluationLink() {
		return new NavigationItem(60, "/evaluation/reach", "evaluation.nav",
				Set.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.FACILITATOR));
	}

	@GetMapping("/evaluation/reach")
	String reach(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me, Model model) {
		AcademicYear chosen = AcademicYear.orCurrent(year, clock);
		model.addAttribute("year", chosen);
		model.addAttribute("years", years());
		model.addAttribute("table", evaluation.reach(chosen, Viewers.of(me)));
		return REACH;
	}

	@GetMapping("/evaluation/impact")
	String impact(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me, Model model) {
		AcademicYear chosen = AcademicYear.orCurrent(year, clock);
		ImpactTable table = evaluation.impact(chosen, Viewers.of(me));
		model.addAttribute("year", chosen);
		model.addAttribute("years", years());
		model.addAttribute("table", table);
		model.addAttribute("plots",
				OutcomeInstrument.SNAPSHOT.stream().map(i -> ForestPlot.of(i, table.rowsFor(i))).toList());
		return IMPACT;
	}

	private List<AcademicYear> years() {
		List<AcademicYear> years = new ArrayList<>();
		AcademicYear y = AcademicYear.current(clock);
		for (int i = 0; i < 5; i++, y = y.previous()) {
			years.add(y);
		}
		return years;
	}

}
