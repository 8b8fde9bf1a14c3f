package org.cpr.needs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.needs.Block;
import org.cpr.needs.Rotation;
import org.cpr.needs.RotationCatalogue;
import org.cpr.needs.RotationSchedule;
import org.cpr.needs.ScheduleRow.Action;
import org.cpr.needs.ScheduleRow.Problem;
import org.cpr.needs.ScheduleRow;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotation schedules over {@code needs_block}; the CSV read by {@link ScheduleCsv}.
 */
@Service("rotationSchedule")
class RotationScheduleService implements RotationSchedule {

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	private final RotationCatalogue catalogue;

	private final AuditPort audit;

	private final Clock clock;

	RotationScheduleService(JdbcClient jdbc, IdentityManagement identity, RotationCatalogue catalogue, AuditPort audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.catalogue = catalogue;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ScheduleRow> dryRun(String csv) {
		return check(csv).rows();
	}

	@Override
	@Transactional
	public List<ScheduleRow> apply(String csv, PersonId by) {
		Checked checked = check(csv);
		if (!checked.valid()) {
			return checked.rows();
		}
		int created = 0;
		for (Candidate c : checked.candidates()) {
			if (c.action() == Action.CREATE) {
				insert(c, by);
				created++;
			}
		}
		audit.record(AuditEntry.administration(by, "NEEDS_SCHEDULE_IMPORTED", "needs_block", null)
			.detail(created + " blocks"));
		return checked.rows();
	}

	@Override
	@Transactional
	public ScheduleRow add(PersonId by, String person, String rotationId, String service, String start, String end) {
		Rotation r = null;
		try {
			r = rotationId == null || rotationId.isBlank() ? null
					: catalogue.find(UUID.fromString(rotationId.strip())).orElse(null);
		}
		catch (IllegalArgumentException notAnId) {
			r = null;
		}
		ScheduleCsv.Line line = new ScheduleCsv.Line(1, person == null ? "" : person.strip(), r == null ? "" : r.name(),
				service == null ? "" : service.strip(), r == null ? "" : r.hospitalCode(),
				start == null ? "" : start.strip(), end == null ? "" : end.strip());
		Checked checked = check(List.of(line));
		if (checked.valid()) {
			checked.candidates().stream().filter(c -> c.action() == Action.CREATE).forEach(c -> insert(c, by));
		}
		return checked.rows().get(0);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Block> blocksOf(PersonId person) {
		Map<UUID, Rotation> rotations = catalogue.byId();
		return jdbc.sql(
				"SELECT id, rotation_id, service, starts_on, ends_on FROM needs_block WHERE person_id = ? ORDER BY starts_on")
			.param(person.value())
			.query((rs, i) -> new Block(rs.getObject("id", UUID.class), person,
					rotations.get(rs.getObject("rotation_id", UUID.class)), rs.getString("service"),
					rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)))
			.list();
	}

	@Override
	public Optional<Block> nextBlock(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		return blocksOf(person).stream().filter(b -> !b.startsOn().isBefore(today)).findFirst();
	}

	@Override
	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM needs_block").query(Long.class).single();
	}

	private void insert(Candidate c, PersonId by) {
		jdbc.sql(
				"INSERT INTO needs_block (id, person_id, rotation_id, service, starts_on, ends_on, created_by) VALUES (?,?,?,?,?,?,?)")
			.params(UUID.randomUUID(), c.person().value(), c.rotation().id(), c.service(), c.start(), c.end(),
					by.value())
			.update();
	}

	private record Candidate(long line, PersonId person, Rotation rotation, String service, LocalDate start,
			LocalDate end, Action action) {
	}

	private record Checked(List<ScheduleRow> rows, List<Candidate> candidates) {
		boolean valid() {
			return !rows.isEmpty() && rows.stream().allMatch(ScheduleRow::ok);
		}
	}

	private Checked check(String csv) {
		ScheduleCsv.Parsed parsed = ScheduleCsv.parse(csv);
		if (parsed.fileProblem() != null) {
			return new Checked(List.of(new ScheduleRow(0, "", Action.REJECT,
					List.of(new Problem("file", parsed.fileProblem(), parsed.argument())))), List.of());
		}
		return check(parsed.lines());
	}

	private Checked check(List<ScheduleCsv.Line> lines) {
		People people = new People();
		List<ScheduleRow> rows = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		Map<PersonId, List<Candidate>> inFile = new HashMap<>();
		for (ScheduleCsv.Line l : lines) {
			List<Problem> problems = new ArrayList<>();
			PersonId person = people.find(l.person());
			if (person == null) {
				problems.add(new Problem("person",
						l.person().isEmpty() ? "needs.field.required" : "needs.schedule.person.unknown", l.person()));
			}
			Rotation rotation = catalogue.lookup(l.rotation(), l.site()).orElse(null);
			if (rotation == null) {
				problems
					.add(new Problem("rotation", "needs.schedule.rotation.unknown", l.rotation() + " @ " + l.site()));
			}
			if (l.service().length() > 120) {
				problems.add(new Problem("service", "needs.field.tooLong", "120"));
			}
			LocalDate start = ScheduleCsv.date(l.start());
			LocalDate end = ScheduleCsv.date(l.end());
			if (start == null) {
				problems.add(new Problem("start", "needs.schedule.date.invalid", l.start()));
			}
			if (end == null) {
				problems.add(new Problem("end", "needs.schedule.date.invalid", l.end()));
			}
			if (start != null && end != null && end.isBefore(start)) {
				problems.add(new Problem("end", "needs.schedule.date.order", l.start()));
			}
			Action action = Action.CREATE;
			if (problems.isEmpty()) {
				for (Candidate other : inFile.getOrDefault(person, List.of())) {
					if (!start.isAfter(other.end()) && !other.start().isAfter(end)) {
						problems.add(new Problem("start", "needs.schedule.overlap.file", Long.toString(other.line())));
					}
				}
				for (Map<String, Object> existing : existing(person)) {
					LocalDate s = (LocalDate) existing.get("starts_on");
					LocalDate e = (LocalDate) existing.get("ends_on");
					if (s.equals(start) && e.equals(end) && rotation.id().equals(existing.get("rotation_id"))) {
						action = Action.UNCHANGED;
					}
					else if (!start.isAfter(e) && !s.isAfter(end)) {
						problems.add(new Problem("start", "needs.schedule.overlap.existing", s + " – " + e));
					}
				}
			}
			String key = l.person() + " · " + l.rotation() + " · " + l.start() + " – " + l.end();
			if (problems.isEmpty()) {
				Candidate c = new Candidate(l.number(), person, rotation, l.service().isEmpty() ? null : l.service(),
						start, end, action);
				candidates.add(c);
				inFile.computeIfAbsent(person, p -> new ArrayList<>()).add(c);
			}
			rows.add(new ScheduleRow(l.number(), key, problems.isEmpty() ? action : Action.REJECT,
					List.copyOf(problems)));
		}
		return new Checked(rows, candidates);
	}

	private List<Map<String, Object>> existing(PersonId person) {
		return jdbc.sql("SELECT rotation_id, starts_on, ends_on FROM needs_block WHERE person_id = ?")
			.param(person.value())
			.query((rs, i) -> Map.<String, Object>of("rotation_id", rs.getObject("rotation_id", UUID.class),
					"starts_on", rs.getObject("starts_on", LocalDate.class), "ends_on",
					rs.getObject("ends_on", LocalDate.class)))
			.list();
	}

	/**
	 * Finds people by username, then by e-mail (the directory is read once per file, only
	 * if needed).
	 */
	private final class People {

		private Map<String, PersonId> byEmail;

		PersonId find(String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			Optional<PersonSummary> byName = identity.byUsername(value.strip());
			if (byName.isPresent() && byName.get().active()) {
				return byName.get().id();
			}
			if (!value.contains("@")) {
				return null;
			}
			if (byEmail == null) {
				byEmail = new HashMap<>();
				List<org.cpr.shared.OrgUnitId> all = identity.orgUnits().stream().map(OrgUnitSummary::id).toList();
				for (PersonSummary p : identity.audience(all, java.util.Set.of(), java.util.Set.of())) {
					if (p.email() != null) {
						byEmail.put(p.email().toLowerCase(java.util.Locale.ROOT), p.id());
					}
				}
			}
			return byEmail.get(value.strip().toLowerCase(java.util.Locale.ROOT));
		}

	}

}
