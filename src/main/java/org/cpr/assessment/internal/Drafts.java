package org.cpr.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.assessment.SnapshotDraft;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server-side draft of a snapshot in progress (identified mode, so a draft may live
 * on the server): answers by instrument, skipped optional steps, and the idempotency key
 * of this form instance.
 */
@Component
class Drafts {

	private final JdbcClient jdbc;

	private final Clock clock;

	Drafts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The person's draft, started (with a fresh idempotency key) if there is none. */
	@Transactional
	public SnapshotDraft current(PersonId person) {
		return jdbc.sql("SELECT idempotency_key, answers, skipped FROM assessment_draft WHERE person_id = ?")
			.param(person.value())
			.query((rs, n) -> new SnapshotDraft(rs.getString(1), AnswerCodec.readAll(rs.getString(2)),
					skipped(rs.getString(3))))
			.optional()
			.orElseGet(() -> {
				SnapshotDraft fresh = new SnapshotDraft(UUID.randomUUID().toString(), new LinkedHashMap<>(),
						new LinkedHashSet<>());
				jdbc.sql(
						"INSERT INTO assessment_draft (person_id, idempotency_key, answers, skipped, updated_at) VALUES (?, ?, ?, ?, ?)")
					.params(person.value(), fresh.key(), "{}", "", Timestamp.from(clock.instant()))
					.update();
				return fresh;
			});
	}

	/**
	 * Replaces the draft's answers and skipped steps (the key stays that of this form
	 * instance).
	 */
	@Transactional
	public SnapshotDraft save(PersonId person, Map<String, Map<String, Object>> answers, Set<String> skipped) {
		SnapshotDraft draft = current(person);
		jdbc.sql("UPDATE assessment_draft SET answers = ?, skipped = ?, updated_at = ? WHERE person_id = ?")
			.params(AnswerCodec.write(answers), String.join(",", skipped), Timestamp.from(clock.instant()),
					person.value())
			.update();
		return new SnapshotDraft(draft.key(), answers, skipped);
	}

	public void discard(PersonId person) {
		jdbc.sql("DELETE FROM assessment_draft WHERE person_id = ?").param(person.value()).update();
	}

	private static Set<String> skipped(String csv) {
		Set<String> set = new LinkedHashSet<>();
		if (csv != null && !csv.isBlank()) {
			set.addAll(Arrays.asList(csv.split(",")));
		}
		return set;
	}

}
