package org.cpr.evaluation;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.identity.CprUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reach and relative-impact tables as JSON for institutional dashboards. Every figure
 * passed the disclosure gate: a withheld count has no value, only the reason (a message
 * key) and its threshold.
 */
@RestController
@Tag(name = "Evaluation", description = "Gated reach and relative-impact tables")
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
class EvaluationApiController {

	private final ProgramEvaluation evaluation;

	private final Clock clock;

	EvaluationApiController(ProgramEvaluation evaluation, Clock clock) {
		this.evaluation = evaluation;
		this.clock = clock;
	}

	@GetMapping("/api/v1/evaluation/reach")
	@Operation(summary = "Participation per intervention type, overall, by trainee type and by program",
			description = "Counts and rates against the eligible population of the caller's org units; withheld cells carry a reason, never a value.")
	ReachTable reach(@Parameter(
			description = "first calendar year of the academic year (July to June); default the current one") @RequestParam(
					required = false) Integer year,
			@AuthenticationPrincipal CprUser me) {
		return evaluation.reach(year(year), Viewers.of(me));
	}

	@GetMapping("/api/v1/evaluation/impact")
	@Operation(summary = "Relative impact per intervention and instrument",
			description = "Hedges' g of consenting participants' change and, where released, difference-in-differences against non-participants, with 95 % intervals and cautions; in `courses`, each course's own pre/post questionnaire as an unpaired Hedges' g between its anonymous before and after waves (method `unpaired`) and its session ratings (method `ratings`), from the figures the survey reports released to the caller only.")
	ImpactTable impact(@Parameter(
			description = "first calendar year of the academic year (July to June); default the current one") @RequestParam(
					required = false) Integer year,
			@AuthenticationPrincipal CprUser me) {
		return evaluation.impact(year(year), Viewers.of(me));
	}

	/**
	 * An out-of-range year is a 400 problem (IllegalArgumentException), not silently
	 * another year.
	 */
	private AcademicYear year(Integer year) {
		return year == null ? AcademicYear.current(clock) : new AcademicYear(year);
	}

}
