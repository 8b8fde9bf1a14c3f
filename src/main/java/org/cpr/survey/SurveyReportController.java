package org.cpr.survey;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.disclosure.Suppressed;
import org.cpr.identity.CprUser;
import org.cpr.shared.CsvCells;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The disclosure-controlled wave report, as a page and as CSV. */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN','ADMINISTRATOR','PROGRAM_DIRECTOR')")
class SurveyReportController {

	private final SurveyReports reports;

	private final SurveyCampaigns campaigns;

	private final MessageSource messages;

	SurveyReportController(SurveyReports reports, SurveyCampaigns campaigns, MessageSource messages) {
		this.reports = reports;
		this.campaigns = campaigns;
		this.messages = messages;
	}

	@GetMapping("/surveys/waves/{waveId}/report")
	String report(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId, Model model) {
		WaveReport report = reportFor(user, waveId);
		model.addAttribute("report", report);
		model.addAttribute("rate", campaigns.rates(waveId, report.campaign().minRespondents()).get(0));
		String hospital = report.campaign().hospital();
		model.addAttribute("hospitalUnit",
				hospital == null ? null
						: campaigns.hospitals()
							.stream()
							.filter(h -> h.code().equals(hospital))
							.map(h -> h.id().value())
							.findFirst()
							.orElse(null));
		return "survey/report";
	}

	@GetMapping("/surveys/waves/{waveId}/report.csv")
	ResponseEntity<byte[]> reportCsv(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId)
			throws IOException {
		WaveReport report = reportFor(user, waveId);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("measure", "group", "respondents", "mean", "sd", "positives", "percent_positive", "note")
					.get())) {
			String measure = report.healthScreen() ? "positive_screens" : "score";
			for (WaveReport.Row row : report.scores()) {
				if (row.result() instanceof Released r && r.statistic() instanceof Statistic.NumericSummary s) {
					csv.printRecord(measure, CsvCells.safe(row.label()), r.respondents(), round(s.mean()),
							round(s.standardDeviation()), "", "", "");
				}
				else if (row.result() instanceof Released r && r.statistic() instanceof Statistic.ScreenCount s) {
					csv.printRecord(measure, CsvCells.safe(row.label()), r.respondents(), "", "", s.positives(),
							round(s.percentage()), "");
				}
				else if (row.result() instanceof Suppressed s) {
					csv.printRecord(measure, CsvCells.safe(row.label()), "", "", "", "", "",
							messages.getMessage(s.messageKey(), s.messageArguments(), LocaleContextHolder.getLocale()));
				}
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wave-report.csv\"")
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The report, or 404 for a wave that does not exist or is not this user's to see. */
	private WaveReport reportFor(CprUser user, UUID waveId) {
		try {
			return reports.report(user, waveId);
		}
		catch (SurveyConflictException e) {
			throw new ResponseStatusException(HttpStatus.valueOf(e.status()));
		}
	}

	private static String round(double v) {
		return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
