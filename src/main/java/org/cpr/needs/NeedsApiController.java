package org.cpr.needs;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.identity.CprUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API: block schedule import (dry run or apply) and the gated stressor heat map. */
@RestController
@RequestMapping("/api/v1/needs")
@Tag(name = "Needs analysis",
		description = "Rotation schedule import and the stressor heat map (disclosure-controlled)")
class NeedsApiController {

	static final String SCHEDULE_EXAMPLE = "person,rotation,service,site,start,end\n"
			+ "resident,icu,Medical ICU,University Hospital,2027-07-01,2027-07-28\n"
			+ "resident,nights,Night float,University Hospital,2027-07-29,2027-08-25\n";

	/**
	 * One row of an import as the API reports it; {@code problems} are readable
	 * sentences.
	 */
	record RowJson(long line, String action, List<ProblemJson> problems) {
	}

	record ProblemJson(String field, String message) {
	}

	record ImportJson(boolean applied, int rows, List<RowJson> rowResults) {
	}

	/** A heat-map cell: a mean and n when released, else only why it is hidden. */
	record CellJson(String domain, boolean released, Double mean, Long respondents, String suppressed) {
	}

	record RowJsonMap(String key, String label, boolean overall, List<CellJson> cells) {
	}

	record HeatMapJson(int academicYear, String by, List<String> domains, List<RowJsonMap> rows) {
	}

	private final RotationSchedule schedule;

	private final NeedsResults results;

	private final MessageSource messages;

	NeedsApiController(RotationSchedule schedule, NeedsResults results, MessageSource messages) {
		this.schedule = schedule;
		this.results = results;
		this.messages = messages;
	}

	@PostMapping(value = "/schedule", consumes = { "text/csv", "text/plain" })
	@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR')")
	@Operation(summary = "Import a block schedule (CSV: person,rotation,service,site,start,end)",
			description = "With dryRun=true nothing changes. Any row error refuses the whole file with 422 and every row's problems.")
	ResponseEntity<?> importSchedule(@AuthenticationPrincipal CprUser me,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "two blocks",
									value = SCHEDULE_EXAMPLE)),
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/plain",
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "two blocks",
									value = SCHEDULE_EXAMPLE)) }) @RequestBody(required = false) String csv,
			@Parameter(description = "check only") @RequestParam(defaultValue = "false") boolean dryRun) {
		List<ScheduleRow> rows = dryRun ? schedule.dryRun(csv) : schedule.apply(csv == null ? "" : csv, me.personId());
		List<RowJson> json = rows.stream().map(this::row).toList();
		boolean valid = !rows.isEmpty() && rows.stream().allMatch(ScheduleRow::ok);
		if (!valid) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					text("needs.schedule.hasErrors", null));
			problem.setType(URI.create("https://cpr.example.org/problems/schedule-rows"));
			problem.setProperty("rows", json.stream().filter(r -> !r.problems().isEmpty()).toList());
			return ResponseEntity.unprocessableContent().body(problem);
		}
		return ResponseEntity.ok(new ImportJson(!dryRun, rows.size(), json));
	}

	@GetMapping("/heatmap")
	@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
	@Operation(summary = "Stressor domains by rotation, hospital or specialty for an academic year",
			description = "Every cell passed the disclosure gate; a hidden cell carries only the reason. Scales: stressor domains 0–100"
					+ " (higher = more stress), burnout 1–5, wellbeing (WHO-5) 0–100 (higher = better).")
	HeatMapJson heatMap(@AuthenticationPrincipal CprUser me,
			@Parameter(description = "ROTATION, HOSPITAL or SPECIALTY") @RequestParam(
					defaultValue = "ROTATION") String by,
			@Parameter(description = "academic year by its starting year, e.g. 2026 for 2026–27") @RequestParam(
					required = false) Integer year) {
		Dimension dimension;
		try {
			dimension = Dimension.valueOf(by.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new NeedsInputException("by", "needs.api.by.invalid");
		}
		HeatMap map = results.heatMap(results.viewer(me), dimension, year == null ? results.currentYear() : year);
		return new HeatMapJson(map.year(), dimension.name(),
				map.domains().stream().map(StressorDomain::column).toList(),
				map.rows()
					.stream()
					.map(r -> new RowJsonMap(r.key(), r.label(), r.overall(),
							r.cells()
								.stream()
								.map(c -> new CellJson(c.domain().column(), c.released(), c.mean(), c.respondents(),
										c.released() ? null : text(c.messageKey(), c.messageArguments())))
								.toList()))
					.toList());
	}

	@ExceptionHandler(NeedsInputException.class)
	ProblemDetail refused(NeedsInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale()));
		problem.setProperty("field", e.field());
		return problem;
	}

	private RowJson row(ScheduleRow r) {
		return new RowJson(r.line(), r.action().name(),
				r.problems()
					.stream()
					.map(p -> new ProblemJson(p.field(), text(p.messageKey(), new Object[] { p.argument() })))
					.toList());
	}

	private String text(String key, Object[] args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
