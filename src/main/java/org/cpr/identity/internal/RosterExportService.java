package org.cpr.identity.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.identity.RosterExport;
import org.springframework.stereotype.Service;
import static org.cpr.shared.CsvCells.safe;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV export in the import's own format, so a file can go out, be edited and come back.
 */
@Service
class RosterExportService implements RosterExport {

	private final OrgUnitRepository units;

	private final PersonRepository people;

	private final RoleGrantRepository grants;

	RosterExportService(OrgUnitRepository units, PersonRepository people, RoleGrantRepository grants) {
		this.units = units;
		this.people = people;
		this.grants = grants;
	}

	@Override
	@Transactional(readOnly = true)
	public String orgUnits() throws IOException {
		Map<UUID, String> codes = codes();
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(RosterImportService.UNIT_COLUMNS.toArray(String[]::new)).get())) {
			for (OrgUnit u : units.findAllByOrderByName()) {
				csv.printRecord(safe(u.getCode()), safe(codes.getOrDefault(u.getParentId(), "")), u.getKind(),
						safe(u.getName()));
			}
		}
		return out.toString();
	}

	@Override
	@Transactional(readOnly = true)
	public String people() throws IOException {
		Map<UUID, String> codes = codes();
		Map<UUID, List<RoleGrantEntity>> byPerson = grants.findAll()
			.stream()
			.collect(Collectors.groupingBy(RoleGrantEntity::getPersonId));
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader(RosterImportService.PEOPLE_COLUMNS.toArray(String[]::new))
					.get())) {
			for (Person p : people.findAll()) {
				String roles = byPerson.getOrDefault(p.getId(), List.of())
					.stream()
					.map(g -> g.getRole() + "@" + codes.get(g.getOrgUnitId()))
					.sorted()
					.collect(Collectors.joining(";"));
				csv.printRecord(safe(p.getUsername()), safe(p.getEmail()), safe(p.getDisplayName()), p.getTraineeType(),
						safe(nullToEmpty(p.getTrainingLevel())), safe(codes.getOrDefault(p.getProgramId(), "")),
						safe(codes.getOrDefault(p.getDepartmentId(), "")), roles);
			}
		}
		return out.toString();
	}

	private Map<UUID, String> codes() {
		Map<UUID, String> codes = new HashMap<>();
		units.findAll().forEach(u -> codes.put(u.getId(), u.getCode()));
		return codes;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

}
