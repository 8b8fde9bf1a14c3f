package org.cpr.groups.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cpr.groups.ConflictList;
import org.cpr.groups.GroupsRefused;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conflict list CSV: previewed line by line, applied all or nothing.
 */
@Service("conflictList")
class ConflictListService implements ConflictList {

	static final int MAX_ROWS = 5000;

	private final GroupStore store;

	private final IdentityManagement identity;

	private final AuditPort audit;

	private final Clock clock;

	ConflictListService(GroupStore store, IdentityManagement identity, AuditPort audit, Clock clock) {
		this.store = store;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/** What applying the CSV would do; changes nothing. */
	@Transactional(readOnly = true)
	public List<Row> dryRun(String csv) {
		List<Row> rows = new ArrayList<>();
		List<CSVRecord> records = parse(csv);
		if (records.size() > MAX_ROWS) {
			throw new GroupsRefused("file", "groups.conflicts.tooMany", MAX_ROWS);
		}
		for (CSVRecord r : records) {
			String trainee = r.isMapped("trainee") && r.isSet("trainee") ? r.get("trainee").strip() : "";
			String evaluator = r.isMapped("evaluator") && r.isSet("evaluator") ? r.get("evaluator").strip() : "";
			Optional<PersonSummary> t = trainee.isEmpty() ? Optional.empty() : identity.byUsername(trainee);
			Optional<PersonSummary> e = evaluator.isEmpty() ? Optional.empty() : identity.byUsername(evaluator);
			String problem = t.isEmpty() ? "groups.conflicts.unknownTrainee"
					: e.isEmpty() ? "groups.conflicts.unknownEvaluator"
							: t.get().id().equals(e.get().id()) ? "groups.conflicts.same" : null;
			boolean known = problem == null && store.conflictsOf(t.get().id()).contains(e.get().id());
			rows.add(new Row(r.getRecordNumber() + 1, trainee, evaluator, known, problem));
		}
		return rows;
	}

	@Override
	@Transactional
	public int apply(String csv, PersonId by) {
		List<Row> rows = dryRun(csv);
		if (rows.stream().anyMatch(r -> !r.ok())) {
			throw new GroupsRefused("file", "groups.conflicts.fixFirst");
		}
		int added = 0;
		for (Row r : rows) {
			PersonId trainee = identity.byUsername(r.trainee()).orElseThrow().id();
			PersonId evaluator = identity.byUsername(r.evaluator()).orElseThrow().id();
			if (store.addConflict(trainee, evaluator, by, clock.instant())) {
				added++;
			}
		}
		audit.record(AuditEntry.administration(by, "MENTORING_CONFLICTS_IMPORTED", "mentoring_conflict", null)
			.detail("added=" + added));
		return added;
	}

	private static List<CSVRecord> parse(String csv) {
		if (csv == null || csv.isBlank()) {
			throw new GroupsRefused("file", "groups.conflicts.empty");
		}
		try {
			List<CSVRecord> records = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get()
				.parse(new StringReader(csv.strip()))
				.getRecords();
			if (records.isEmpty()) {
				throw new GroupsRefused("file", "groups.conflicts.empty");
			}
			if (!records.get(0).isMapped("trainee") || !records.get(0).isMapped("evaluator")) {
				throw new GroupsRefused("file", "groups.conflicts.header");
			}
			return records;
		}
		catch (IOException | IllegalArgumentException | IllegalStateException
				| java.io.UncheckedIOException malformed) {
			throw new GroupsRefused("file", "groups.conflicts.malformed");
		}
	}

}
