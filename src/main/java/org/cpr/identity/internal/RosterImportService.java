package org.cpr.identity.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.RosterImport;
import org.cpr.identity.RosterRow;
import org.cpr.identity.TraineeType;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster import from CSV: org units ({@code code,parent_code,kind,name}) and people
 * ({@code username,email,display_name,trainee_type,training_level,program_code,department_code,roles},
 * roles as {@code ROLE@UNIT_CODE;…}). A dry run reports, per line, what would happen and
 * every error; applying re-checks and writes all rows in one transaction, or nothing.
 */
@Service
class RosterImportService implements RosterImport {

	static final int MAX_ROWS = 5_000;
	static final List<String> UNIT_COLUMNS = List.of("code", "parent_code", "kind", "name");
	static final List<String> PEOPLE_COLUMNS = List.of("username", "email", "display_name", "trainee_type",
			"training_level", "program_code", "department_code", "roles");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

	private final OrgUnitRepository units;

	private final PersonRepository people;

	private final RoleGrantRepository grants;

	private final AuditPort audit;

	private final Clock clock;

	RosterImportService(OrgUnitRepository units, PersonRepository people, RoleGrantRepository grants, AuditPort audit,
			Clock clock) {
		this.units = units;
		this.people = people;
		this.grants = grants;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<RosterRow> dryRun(Kind kind, String csv) {
		return kind == Kind.ORG_UNITS ? checkUnits(csv, null) : checkPeople(csv, null);
	}

	@Override
	@Transactional
	public List<RosterRow> apply(Kind kind, String csv, PersonId by) {
		List<RosterRow> checked = dryRun(kind, csv);
		if (checked.isEmpty() || !checked.stream().allMatch(RosterRow::ok)) {
			return checked;
		}
		Instant now = clock.instant();
		List<RosterRow> done = kind == Kind.ORG_UNITS ? checkUnits(csv, now) : checkPeople(csv, now);
		audit.record(AuditEntry.administration(by, "ROSTER_IMPORTED", kind.name().toLowerCase(Locale.ROOT), null)
			.detail("rows=" + done.size()));
		return done;
	}

	private List<CSVRecord> parse(String csv, List<String> columns, List<RosterRow> out) {
		// NUL and other control characters (an uploaded file is not checked by the
		// request filter) cannot be stored
		if (csv != null && csv.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
			out.add(new RosterRow(0, "", "ERROR",
					List.of(new RosterRow.Problem("file", "roster.controlCharacters", null))));
			return List.of();
		}
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))) {
			List<String> missing = columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
			if (!missing.isEmpty()) {
				out.add(new RosterRow(1, "", "ERROR",
						List.of(new RosterRow.Problem("header", "roster.missingColumns", String.join(", ", missing)))));
				return List.of();
			}
			List<CSVRecord> records = parser.getRecords();
			if (records.size() > MAX_ROWS) {
				out.add(new RosterRow(0, "", "ERROR",
						List.of(new RosterRow.Problem("file", "roster.tooManyRows", Integer.toString(MAX_ROWS)))));
				return List.of();
			}
			return records;
		}
		catch (IOException | RuntimeException e) {
			out.add(new RosterRow(0, "", "ERROR", List.of(new RosterRow.Problem("file", "roster.unreadable", null))));
			return List.of();
		}
	}

	/** With {@code now == null} only checks; otherwise also writes. */
	private List<RosterRow> checkUnits(String csv, Instant now) {
		List<RosterRow> out = new ArrayList<>();
		Map<String, UUID> known = new HashMap<>();
		units.findAll().forEach(u -> known.put(u.getCode(), u.getId()));
		Set<String> seen = new HashSet<>();
		for (CSVRecord r : parse(csv, UNIT_COLUMNS, out)) {
			List<RosterRow.Problem> problems = new ArrayList<>();
			String code = r.get("code");
			String parent = r.get("parent_code");
			OrgUnitKind kind = enumOf(OrgUnitKind.class, r.get("kind"), "kind", problems);
			String name = r.get("name");
			if (!CODE.matcher(code).matches()) {
				problems.add(new RosterRow.Problem("code", "roster.badCode", code));
			}
			else if (!seen.add(code)) {
				problems.add(new RosterRow.Problem("code", "roster.duplicateInFile", code));
			}
			if (name.isBlank() || name.length() > 200) {
				problems.add(new RosterRow.Problem("name", "roster.required", null));
			}
			if (!parent.isBlank() && !known.containsKey(parent)) {
				problems.add(new RosterRow.Problem("parent_code", "roster.unknownUnit", parent));
			}
			if (kind != null && kind != OrgUnitKind.INSTITUTION && parent.isBlank()) {
				problems.add(new RosterRow.Problem("parent_code", "roster.parentRequired", null));
			}
			boolean exists = known.containsKey(code);
			if (problems.isEmpty()) {
				UUID id = exists ? known.get(code) : UUID.randomUUID();
				known.put(code, id);
				if (now != null) {
					writeUnit(id, exists, parent.isBlank() ? null : known.get(parent), kind, code, name, now);
				}
			}
			out.add(new RosterRow(r.getRecordNumber() + 1, code, exists ? "UPDATE" : "CREATE", problems));
		}
		return out;
	}

	private void writeUnit(UUID id, boolean exists, UUID parent, OrgUnitKind kind, String code, String name,
			Instant now) {
		if (exists) {
			OrgUnit unit = units.findById(id).orElseThrow();
			unit.rename(name);
			unit.moveTo(parent);
		}
		else {
			units.saveAndFlush(new OrgUnit(id, parent, kind, code, name, now));
		}
	}

	private List<RosterRow> checkPeople(String csv, Instant now) {
		List<RosterRow> out = new ArrayList<>();
		Map<String, UUID> unitCodes = new HashMap<>();
		units.findAll().forEach(u -> unitCodes.put(u.getCode(), u.getId()));
		Set<String> usernames = new HashSet<>();
		Set<String> emails = new HashSet<>();
		for (CSVRecord r : parse(csv, PEOPLE_COLUMNS, out)) {
			List<RosterRow.Problem> problems = new ArrayList<>();
			String username = r.get("username").toLowerCase(Locale.ROOT);
			String email = r.get("email").toLowerCase(Locale.ROOT);
			Person existing = people.findByUsernameIgnoreCase(username).orElse(null);
			if (!username.matches("^[a-z0-9._-]{2,120}$")) {
				problems.add(new RosterRow.Problem("username", "roster.badUsername", username));
			}
			else if (!usernames.add(username)) {
				problems.add(new RosterRow.Problem("username", "roster.duplicateInFile", username));
			}
			if (!EMAIL.matcher(email).matches() || email.length() > 254) {
				problems.add(new RosterRow.Problem("email", "roster.badEmail", email));
			}
			else if (!emails.add(email)) {
				problems.add(new RosterRow.Problem("email", "roster.duplicateInFile", email));
			}
			else {
				people.findByEmailIgnoreCase(email)
					.filter(p -> existing == null || !p.getId().equals(existing.getId()))
					.ifPresent(p -> problems.add(new RosterRow.Problem("email", "roster.emailTaken", email)));
			}
			String displayName = r.get("display_name");
			if (displayName.isBlank() || displayName.length() > 200) {
				problems.add(new RosterRow.Problem("display_name", "roster.required", null));
			}
			TraineeType type = enumOf(TraineeType.class, r.get("trainee_type"), "trainee_type", problems);
			String level = r.get("training_level");
			if (level.length() > 16) {
				problems.add(new RosterRow.Problem("training_level", "roster.tooLong", "16"));
			}
			UUID program = unit(r.get("program_code"), "program_code", unitCodes, problems);
			UUID department = unit(r.get("department_code"), "department_code", unitCodes, problems);
			List<Object[]> roleGrants = roles(r.get("roles"), unitCodes, problems);
			if (problems.isEmpty() && now != null) {
				Person person = existing != null ? existing : people.saveAndFlush(new Person(UUID.randomUUID(),
						username, email, displayName, type, blankToNull(level), department, program, now));
				person.updateProfile(email, displayName, type, blankToNull(level), department, program);
				Set<String> held = new HashSet<>();
				grants.findByPersonId(person.getId()).forEach(g -> held.add(g.getRole() + "@" + g.getOrgUnitId()));
				for (Object[] g : roleGrants) {
					if (held.add(g[0] + "@" + g[1])) {
						grants.save(new RoleGrantEntity(UUID.randomUUID(), person.getId(), (Role) g[0], (UUID) g[1],
								null, now));
					}
				}
			}
			out.add(new RosterRow(r.getRecordNumber() + 1, username, existing == null ? "CREATE" : "UPDATE", problems));
		}
		return out;
	}

	private static UUID unit(String code, String field, Map<String, UUID> codes, List<RosterRow.Problem> problems) {
		if (code.isBlank()) {
			return null;
		}
		UUID id = codes.get(code);
		if (id == null) {
			problems.add(new RosterRow.Problem(field, "roster.unknownUnit", code));
		}
		return id;
	}

	private static List<Object[]> roles(String spec, Map<String, UUID> codes, List<RosterRow.Problem> problems) {
		List<Object[]> result = new ArrayList<>();
		if (spec.isBlank()) {
			return result;
		}
		for (String part : spec.split(";")) {
			String[] roleAndUnit = part.strip().split("@", 2);
			Role role = roleAndUnit.length == 2 ? enumOf(Role.class, roleAndUnit[0], "roles", problems) : null;
			UUID unit = roleAndUnit.length == 2 ? codes.get(roleAndUnit[1].strip()) : null;
			if (roleAndUnit.length != 2) {
				problems.add(new RosterRow.Problem("roles", "roster.badRole", part.strip()));
			}
			else if (unit == null) {
				problems.add(new RosterRow.Problem("roles", "roster.unknownUnit", roleAndUnit[1].strip()));
			}
			else if (role != null) {
				result.add(new Object[] { role, unit });
			}
		}
		return result;
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field,
			List<RosterRow.Problem> problems) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(new RosterRow.Problem(field, "roster.badValue", value));
			return null;
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
