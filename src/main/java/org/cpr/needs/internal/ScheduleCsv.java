package org.cpr.needs.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a block schedule as residency-management systems export it:
 * {@code person, rotation,
 * service, site, start, end} (header names case-insensitive; {@code hospital} may stand
 * for {@code site}; dates as 2026-07-01 or 7/1/2026).
 */
final class ScheduleCsv {

	/**
	 * The most data lines one file may hold (a large institution's year is well below
	 * it).
	 */
	public static final int MAX_LINES = 100_000;

	public static final List<String> COLUMNS = List.of("person", "rotation", "service", "site", "start", "end");

	private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT);

	/** One raw line: every value as written, stripped. */
	public record Line(long number, String person, String rotation, String service, String site, String start,
			String end) {
	}

	/**
	 * The lines, or a file-level problem (message key) when the file cannot be read as a
	 * schedule.
	 */
	public record Parsed(List<Line> lines, String fileProblem, String argument) {
	}

	private ScheduleCsv() {
	}

	public static Parsed parse(String csv) {
		if (csv == null || csv.isBlank()) {
			return new Parsed(List.of(), "needs.schedule.file.empty", null);
		}
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		try {
			var records = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get()
				.parse(new StringReader(text));
			Map<String, String> headers = new TreeMap<>();
			for (String h : records.getHeaderNames()) {
				String key = h.strip().toLowerCase(Locale.ROOT);
				headers.put("hospital".equals(key) ? "site" : key, h);
			}
			for (String c : COLUMNS) {
				if (!headers.containsKey(c)) {
					return new Parsed(List.of(), "needs.schedule.file.missingColumn", c);
				}
			}
			List<Line> lines = new ArrayList<>();
			for (CSVRecord r : records) {
				if (lines.size() >= MAX_LINES) {
					return new Parsed(List.of(), "needs.schedule.file.tooManyLines", Integer.toString(MAX_LINES));
				}
				lines.add(new Line(r.getRecordNumber() + 1, value(r, headers, "person"), value(r, headers, "rotation"),
						value(r, headers, "service"), value(r, headers, "site"), value(r, headers, "start"),
						value(r, headers, "end")));
			}
			if (lines.isEmpty()) {
				return new Parsed(List.of(), "needs.schedule.file.empty", null);
			}
			return new Parsed(lines, null, null);
		}
		catch (IOException | RuntimeException e) {
			return new Parsed(List.of(), "needs.schedule.file.unreadable", null);
		}
	}

	/** ISO (2026-07-01) or US (7/1/2026) date, or null when it is neither. */
	public static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.contains("/") ? LocalDate.parse(value.strip(), US) : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String value(CSVRecord r, Map<String, String> headers, String column) {
		String h = headers.get(column);
		if (h == null || !r.isMapped(h) || !r.isSet(h)) {
			return "";
		}
		return r.get(h).strip();
	}

}
