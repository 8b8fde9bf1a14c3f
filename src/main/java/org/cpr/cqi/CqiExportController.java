package org.cpr.cqi;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.shared.CsvCells;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The register as a spreadsheet for leadership meetings. Every text cell goes through
 * {@link CsvCells#safe}, so a title like {@code =HYPERLINK(...)} stays text in Excel.
 */
@Controller
@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
class CqiExportController {

	private final ImprovementRegister register;

	private final MessageSource messages;

	private final Clock clock;

	CqiExportController(ImprovementRegister register, MessageSource messages, Clock clock) {
		this.register = register;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/cqi/items.csv")
	ResponseEntity<byte[]> csv(Locale locale) throws IOException {
		StringWriter out = new StringWriter();
		String[] header = { "title", "category", "status", "unit", "rotation", "due", "you_said", "we_did",
				"decision_reason" };
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
			for (ItemView i : register.list()) {
				csv.printRecord(CsvCells.safe(i.title()), label("cqi.category." + i.category(), locale),
						label("cqi.status." + i.status(), locale), CsvCells.safe(i.unitName()),
						CsvCells.safe(i.rotationName()), i.dueOn() == null ? "" : i.dueOn().toString(),
						CsvCells.safe(i.youSaid()), CsvCells.safe(i.weDid()), CsvCells.safe(i.decisionReason()));
			}
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("cqi-register-" + today + ".csv").build().toString())
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
