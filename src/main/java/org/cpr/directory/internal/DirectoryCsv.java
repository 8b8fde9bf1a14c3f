package org.cpr.directory.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cpr.directory.AccessMode;
import org.cpr.directory.Confidentiality;
import org.cpr.directory.CostLevel;
import org.cpr.directory.DirectoryImportRow;
import org.cpr.directory.DirectoryImportRow.Problem;
import org.cpr.directory.ProviderKind;
import org.cpr.directory.ReportedTo;
import org.cpr.directory.ServiceCategory;
import org.cpr.directory.ServiceEntry;
import org.cpr.identity.TraineeType;
import static org.cpr.shared.CsvCells.safe;

/**
 * The directory's CSV format, shared by import, export and the demo data. Lists are
 * separated by semicolons; {@code audiences} may be {@code ALL}. Every cell is checked;
 * problems come back per line and column so a coordinator can fix the file.
 */
final class DirectoryCsv {

	public static final List<String> COLUMNS = List.of("id", "name", "provider_kind", "provider_name", "category",
			"audiences", "confidentiality", "reported_to", "confidentiality_note", "cost", "cost_note", "after_hours",
			"hours", "access_modes", "virtual", "location", "phone", "email", "url", "languages", "description",
			"last_reviewed", "audience_roles");

	private DirectoryCsv() {
	}

	public static List<DirectoryImportRow> parse(String csv, LocalDate today) {
		List<DirectoryImportRow> rows = new ArrayList<>();
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(new StringReader(csv.replace("\uFEFF", "")))) {
			List<String> missing = COLUMNS.stream()
				.filter(c -> !c.equals("id") && !c.equals("audience_roles") && !parser.getHeaderMap().containsKey(c))
				.toList();
			if (!missing.isEmpty()) {
				return List.of(new DirectoryImportRow(1, null, null,
						List.of(new Problem("header", "directory.csv.missingColumns", String.join(", ", missing)))));
			}
			for (CSVRecord r : parser) {
				rows.add(row(r, today));
			}
		}
		catch (IOException | RuntimeException e) {
			return List.of(new DirectoryImportRow(0, null, null,
					List.of(new Problem("file", "directory.csv.unreadable", null))));
		}
		return rows;
	}

	private static DirectoryImportRow row(CSVRecord r, LocalDate today) {
		List<Problem> p = new ArrayList<>();
		String name = required(r, "name", 200, p);
		ProviderKind kind = one(ProviderKind.class, r, "provider_kind", p);
		String provider = required(r, "provider_name", 200, p);
		ServiceCategory category = one(ServiceCategory.class, r, "category", p);
		Set<TraineeType> audiences = "ALL".equalsIgnoreCase(get(r, "audiences")) ? EnumSet.allOf(TraineeType.class)
				: many(TraineeType.class, r, "audiences", p);
		if (audiences.isEmpty()) {
			p.add(new Problem("audiences", "directory.csv.required", null));
		}
		Set<org.cpr.shared.Role> roles = many(org.cpr.shared.Role.class, r, "audience_roles", p);
		Confidentiality confidentiality = one(Confidentiality.class, r, "confidentiality", p);
		Set<ReportedTo> reportedTo = many(ReportedTo.class, r, "reported_to", p);
		if (confidentiality == Confidentiality.REPORTED && reportedTo.isEmpty()) {
			p.add(new Problem("reported_to", "directory.csv.reportedToRequired", null));
		}
		CostLevel cost = one(CostLevel.class, r, "cost", p);
		boolean afterHours = bool(r, "after_hours", p);
		Set<AccessMode> access = many(AccessMode.class, r, "access_modes", p);
		boolean virtual = bool(r, "virtual", p);
		String email = optional(r, "email", 254, p);
		if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			p.add(new Problem("email", "directory.csv.badEmail", email));
		}
		String url = optional(r, "url", 500, p);
		if (url != null && !url.matches("^https?://\\S+$")) {
			p.add(new Problem("url", "directory.csv.badUrl", url));
		}
		Set<String> languages = new LinkedHashSet<>(Arrays.stream(get(r, "languages").split(";"))
			.map(s -> s.strip().toLowerCase(Locale.ROOT))
			.filter(s -> s.matches("[a-z]{2,3}"))
			.toList());
		if (languages.isEmpty()) {
			languages.add("en");
		}
		LocalDate reviewed = today;
		if (!get(r, "last_reviewed").isBlank()) {
			try {
				reviewed = LocalDate.parse(get(r, "last_reviewed"));
			}
			catch (DateTimeParseException e) {
				p.add(new Problem("last_reviewed", "directory.csv.badDate", get(r, "last_reviewed")));
			}
		}
		String description = required(r, "description", 2000, p);
		UUID id = null;
		if (!get(r, "id").isBlank()) {
			try {
				id = UUID.fromString(get(r, "id"));
			}
			catch (IllegalArgumentException e) {
				p.add(new Problem("id", "directory.csv.badId", get(r, "id")));
			}
		}
		ServiceEntry entry = p.isEmpty()
				? new ServiceEntry(id, name, kind, provider, category, audiences, confidentiality, reportedTo,
						optional(r, "confidentiality_note", 1000, p), cost, optional(r, "cost_note", 300, p),
						afterHours, optional(r, "hours", 300, p), access, virtual, optional(r, "location", 300, p),
						optional(r, "phone", 60, p), email, url, languages, description, reviewed, false, null, roles)
				: null;
		return new DirectoryImportRow(r.getRecordNumber() + 1, id, entry, p);
	}

	public static String write(List<ServiceEntry> entries) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
			for (ServiceEntry e : entries) {
				csv.printRecord(e.id(), safe(e.name()), e.providerKind(), safe(e.providerName()), e.category(),
						names(e.audiences()), e.confidentiality(), names(e.reportedTo()), safe(e.confidentialityNote()),
						e.cost(), safe(e.costNote()), e.afterHours(), safe(e.hours()), names(e.accessModes()),
						e.virtualOption(), safe(e.location()), safe(e.phone()), safe(e.email()), safe(e.url()),
						String.join(";", e.languages()), safe(e.description()), e.lastReviewed(),
						names(e.audienceRoles()));
			}
		}
		return out.toString();
	}

	private static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().reduce((a, b) -> a + ";" + b).orElse("");
	}

	private static String get(CSVRecord r, String column) {
		return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
	}

	private static String required(CSVRecord r, String column, int max, List<Problem> p) {
		String v = get(r, column);
		if (v.isBlank()) {
			p.add(new Problem(column, "directory.csv.required", null));
		}
		else if (v.length() > max) {
			p.add(new Problem(column, "directory.csv.tooLong", Integer.toString(max)));
		}
		return v;
	}

	private static String optional(CSVRecord r, String column, int max, List<Problem> p) {
		String v = get(r, column);
		if (v.length() > max) {
			p.add(new Problem(column, "directory.csv.tooLong", Integer.toString(max)));
		}
		return v.isBlank() ? null : v;
	}

	private static boolean bool(CSVRecord r, String column, List<Problem> p) {
		String v = get(r, column).toLowerCase(Locale.ROOT);
		if (!v.matches("true|false|yes|no")) {
			p.add(new Problem(column, "directory.csv.badBoolean", v));
		}
		return v.equals("true") || v.equals("yes");
	}

	private static <E extends Enum<E>> E one(Class<E> type, CSVRecord r, String column, List<Problem> p) {
		try {
			return Enum.valueOf(type, get(r, column).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			p.add(new Problem(column, "directory.csv.badValue", get(r, column)));
			return null;
		}
	}

	private static <E extends Enum<E>> Set<E> many(Class<E> type, CSVRecord r, String column, List<Problem> p) {
		Set<E> values = EnumSet.noneOf(type);
		for (String part : get(r, column).split(";")) {
			if (!part.isBlank()) {
				try {
					values.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					p.add(new Problem(column, "directory.csv.badValue", part.strip()));
				}
			}
		}
		return values;
	}

}
