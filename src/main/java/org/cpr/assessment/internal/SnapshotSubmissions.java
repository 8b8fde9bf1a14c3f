package org.cpr.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cpr.assessment.BadKey;
import org.cpr.assessment.IncompleteSnapshot;
import org.cpr.assessment.KeyReused;
import org.cpr.assessment.PlannedStep;
import org.cpr.assessment.SubmissionOutcome;
import org.cpr.identity.IdentityManagement;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.shared.IdempotencyLedger;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent snapshot submission (I-28) through the one {@link IdempotencyLedger},
 * claimed in the submission's transaction: the key is scoped to the person; the ledger
 * row holds a hash of person|key, a fingerprint of the answers and the submission id. A
 * retry with the same answers returns the original submission; the same key with other
 * answers is refused. Identified data, so the keys are kept (a retry replays however
 * late). The results, the participation event and (for a high-risk result) the pending
 * safety state commit in one transaction.
 */
@Component
class SnapshotSubmissions {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{16,64}");

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final Battery battery;

	private final Instruments instruments;

	private final Drafts drafts;

	private final IdentityManagement identity;

	private final SafetyRouting safety;

	private final Clock clock;

	private final IdempotencyLedger ledger;

	SnapshotSubmissions(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager txm, Battery battery,
			Instruments instruments, Drafts drafts, IdentityManagement identity, SafetyRouting safety, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = new TransactionTemplate(txm);
		this.battery = battery;
		this.instruments = instruments;
		this.drafts = drafts;
		this.identity = identity;
		this.safety = safety;
		this.clock = clock;
		this.ledger = IdempotencyLedger.inCallersTransactionWithReceipts(jdbc, clock, "assessment_idempotency");
	}

	public SubmissionOutcome submit(PersonId person, String key, Map<String, Map<String, Object>> answers,
			Set<String> skipped) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new BadKey();
		}
		Map<String, Map<String, Object>> used = new LinkedHashMap<>();
		Map<String, ScoreResult> scores = new LinkedHashMap<>();
		Set<String> skippedUsed = new TreeSet<>();
		Map<String, ScoreResult> screened = new java.util.HashMap<>();
		for (PlannedStep step : battery.plan(answers, skipped, screened)) {
			String id = step.instrumentId();
			if (step.optional() && skipped.contains(id) && !answers.containsKey(id)) {
				skippedUsed.add(id);
				continue;
			}
			Map<String, Object> a = answers.getOrDefault(id, Map.of());
			try {
				ScoreResult known = screened.get(id);
				scores.put(id, known != null ? known : instruments.score(id, a));
			}
			catch (InvalidAnswersException invalid) {
				throw new IncompleteSnapshot(id, invalid);
			}
			used.put(id, a);
		}
		String keyHash = AnswerCodec.sha256("snapshot|" + person + "|" + key);
		String payloadHash = AnswerCodec.sha256(AnswerCodec.write(used) + "|skipped=" + skippedUsed);
		OrgUnitId unit = identity.program(person).orElse(null);
		for (int attempt = 1;; attempt++) {
			try {
				return tx.execute(s -> claimAndStore(keyHash, payloadHash, person, unit, used, scores));
			}
			catch (IdempotencyLedger.KeyReused reused) {
				throw new KeyReused();
			}
			catch (IdempotencyLedger.StillInFlight twin) {
				// A double submit raced this one; once it has committed, the same answers
				// replay it.
				if (attempt == 2) {
					throw twin;
				}
			}
		}
	}

	private SubmissionOutcome claimAndStore(String keyHash, String payloadHash, PersonId person, OrgUnitId unit,
			Map<String, Map<String, Object>> used, Map<String, ScoreResult> scores) {
		IdempotencyLedger.Claim claim = ledger.claim(keyHash, payloadHash);
		if (!claim.claimed()) {
			return new SubmissionOutcome(UUID.fromString(claim.receipt()), true);
		}
		UUID id = UUID.randomUUID();
		store(id, person, unit, used, scores);
		ledger.complete(keyHash, id.toString());
		return new SubmissionOutcome(id, false);
	}

	private void store(UUID id, PersonId person, OrgUnitId unit, Map<String, Map<String, Object>> used,
			Map<String, ScoreResult> scores) {
		Instant now = clock.instant();
		Optional<SafetyRouting.Risk> risk = SafetyRouting.assess(scores, used);
		jdbc.sql("""
				INSERT INTO assessment_submission (id, person_id, org_unit_id, submitted_at, high_risk, tier,
				  reasons, safety_state, choice_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, person.value(), unit == null ? null : unit.value(), Timestamp.from(now), risk.isPresent(),
					risk.map(r -> r.tier().name()).orElse(null),
					risk.map(r -> String.join(",", r.reasons())).orElse(null),
					risk.isPresent() ? SafetyRouting.PENDING : SafetyRouting.NONE,
					risk.isPresent() ? safety.choiceDueAt() : null)
			.update();
		risk.ifPresent(r -> safety.raiseAtSubmission(id, r));
		List<Object[]> rows = new ArrayList<>();
		int position = 1;
		for (var e : scores.entrySet()) {
			ScoreResult r = e.getValue();
			rows.add(new Object[] { id, position++, e.getKey(), instruments.versionId(e.getKey()), r.score(), r.band(),
					String.join(",", r.flags()), AnswerCodec.write(used.get(e.getKey())) });
		}
		batch.batchUpdate(
				"INSERT INTO assessment_result (submission_id, position, instrument_id, version_id, score, band, flags,"
						+ " answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		drafts.discard(person);
	}

	/** Every submission id of the person, oldest first. */
	public List<UUID> ids(PersonId person) {
		return jdbc.sql("SELECT id FROM assessment_submission WHERE person_id = ? ORDER BY submitted_at, id")
			.param(person.value())
			.query(UUID.class)
			.list();
	}

}
