package org.cpr.survey;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for a wave's disclosure-controlled report and response rates. */
@RestController
@RequestMapping("/api/v1/surveys")
@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN','ADMINISTRATOR','PROGRAM_DIRECTOR')")
class SurveyReportApiController extends SurveyApiErrors {

	private final SurveyReports reports;

	SurveyReportApiController(SurveyReports reports, MessageSource messages) {
		super(messages);
		this.reports = reports;
	}

	@Operation(summary = "Read a wave's report by hospital (through the disclosure gate)")
	@GetMapping("/waves/{waveId}/report")
	List<ReportCell> report(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
		return reports.meanScoreByHospital(user, waveId);
	}

	@Operation(summary = "Read a wave's response rates (through the disclosure gate)")
	@GetMapping("/waves/{waveId}/response-rate")
	List<ResponseRate> rate(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
		return reports.rates(user, waveId);
	}

}
