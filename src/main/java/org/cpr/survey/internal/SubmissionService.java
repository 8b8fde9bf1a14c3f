package org.cpr.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.shared.IdempotencyLedger;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;
import org.cpr.survey.AnonymousAnswer;
import org.cpr.survey.Campaign;
import org.cpr.survey.SenderAttributes;
import org.cpr.survey.InvalidAnswersException;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SubmissionReceipt;
import org.cpr.survey.SurveyConflictException;
import org.cpr.survey.SurveyResponseSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent submission. The idempotency claim is one autocommit statement; the answer
 * and the participation mark are then written in one transaction, so a crash leaves
 * either both or neither. An anonymous answer is not written readable here: it goes
 * sealed into the {@link AnonymousResponsePool}, which releases it later within a batch
 * of at least k answers, so nothing this transaction writes (transaction id, commit
 * order, row position, date) can be joined to the readable response. The idempotency row
 * holds keyed HMACs only (key outside the database), bound to the client's idempotency
 * key, which is stored nowhere: not even a holder of the application key can match it to
 * a readable response. The claim goes through the one {@link IdempotencyLedger},
 * committed first so a twin request sees it at once; a claim a crash left in flight is
 * reclaimable after {@code cpr.idempotency.in-flight-timeout}.
 */
@Service
class SubmissionService {

	private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final CampaignService campaigns;

	private final InstrumentScorer scorer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final KeyedHash keyed;

	private final AnonymousResponsePool pool;

	private final IdempotencyLedger ledger;

	/**
	 * Resolved at use: a sender (e.g. needs) reads campaigns, and campaigns' scheduler
	 * reaches this service.
	 */
	private final org.springframework.beans.factory.ObjectProvider<SenderAttributes> senders;

	SubmissionService(JdbcTemplate jdbc, PlatformTransactionManager txm, CampaignService campaigns,
			InstrumentScorer scorer, ApplicationEventPublisher events, Clock clock, KeyedHash keyed,
			AnonymousResponsePool pool, org.springframework.beans.factory.ObjectProvider<SenderAttributes> senders,
			@Value("${cpr.idempotency.in-flight-timeout:PT5M}") java.time.Duration inFlightTimeout) {
		this.senders = senders;
		this.jdbc = jdbc;
		this.ledger = IdempotencyLedger.committedFirst(JdbcClient.create(jdbc), clock, "survey_idempotency",
				inFlightTimeout);
		// The application's transaction manager (JPA), not a DataSource one: event
		// publications with
		// listeners are stored through it, and it refuses to run inside a foreign
		// DataSource transaction.
		this.tx = new TransactionTemplate(txm);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.campaigns = campaigns;
		this.scorer = scorer;
		this.events = events;
		this.clock = clock;
		this.keyed = keyed;
		this.pool = pool;
	}

	/**
	 * A FHIR QuestionnaireResponse submitted like the short form: read against the
	 * campaign's questionnaire version, then stored by {@link #submit} (same idempotency,
	 * validation and storage).
	 */
	SubmissionReceipt submitResponse(UUID waveId, PersonId person, String key, String questionnaireResponse,
			SubmissionContext ctx) {
		Campaign c = answerable(waveId, person);
		return submit(waveId, person, key, scorer.read(c, questionnaireResponse), ctx);
	}

	SubmissionReceipt submit(UUID waveId, PersonId person, String key, Map<String, Object> answers,
			SubmissionContext ctx) {
		SubmissionLimits.check(answers, ctx);
		Campaign c = answerable(waveId, person);
		if (c.hospital() != null) {
			ctx = new SubmissionContext(c.hospital(), ctx.rotation(), ctx.pgyBand());
		}
		for (SenderAttributes sender : senders.orderedStream().toList()) {
			if (sender.attaches(c.id())) {
				// From the sender's records, already coarsened; what the client typed is
				// ignored.
				SubmissionContext attached = sender.attributesFor(c.id(), person);
				ctx = attached == null ? new SubmissionContext(null, null, null) : attached;
			}
		}
		InstrumentScorer.Scored scored = scorer.score(c, answers);
		if (!scored.valid()) {
			throw new InvalidAnswersException(scored.errors());
		}
		String canonical = CanonicalAnswers.of(answers);
		String keyHash = keyed.hex("survey-idempotency-key", waveId + "|" + person + "|" + key);
		// Bound to the client's key (stored nowhere), so it cannot be recomputed from a
		// readable answer.
		String payloadHash = keyed.hex("survey-idempotency-payload",
				key + "|" + waveId + "|" + person + "|" + canonical);
		SubmissionReceipt existing = claim(waveId, person, keyHash, payloadHash);
		if (existing != null) {
			return existing;
		}
		String receipt = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		try {
			SubmissionContext context = ctx;
			tx.executeWithoutResult(s -> {
				store(c, waveId, person, canonical, scored, context);
				jdbc.update("INSERT INTO survey_participation (wave_id, person_id) VALUES (?,?)", waveId,
						person.value());
				ledger.complete(keyHash, receipt);
			});
		}
		catch (DuplicateKeyException twinWithAnotherKey) {
			// Another key of the same person completed the wave meanwhile (the
			// participation mark is unique).
			ledger.release(keyHash);
			throw new SurveyConflictException(409, "survey.wave.alreadyCompleted");
		}
		catch (RuntimeException e) {
			ledger.release(keyHash);
			throw e;
		}
		if (c.privacyMode() == PrivacyMode.ANONYMOUS) {
			flushQuietly(c, waveId);
		}
		return new SubmissionReceipt(receipt, false);
	}

	/**
	 * The answer is stored and acknowledged; a failed move is retried by the scheduler.
	 */
	private void flushQuietly(Campaign c, UUID waveId) {
		try {
			pool.flushAfterSubmission(c, waveId);
		}
		catch (RuntimeException e) {
			LOG.warn("Anonymous pool flush deferred to the scheduler: {}", e.getClass().getSimpleName());
		}
	}

	/**
	 * The wave's campaign when this person may answer it today; otherwise 404, 409 or
	 * 403.
	 */
	private Campaign answerable(UUID waveId, PersonId person) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		if (!c.launched() || !campaigns.waveOpenToday(waveId)) {
			throw new SurveyConflictException(409, "survey.wave.closed");
		}
		if (campaigns.excluded(c.id(), person)) {
			throw new SurveyConflictException(403, "survey.notInvited");
		}
		return c;
	}

	/**
	 * Claims the key in one statement, which also refuses a person who already completed
	 * the wave. Returns a replay outcome if the same submission is already done; throws
	 * 422 on a different payload under the same key, 409 while it is in flight or when
	 * the wave was already completed.
	 */
	private SubmissionReceipt claim(UUID waveId, PersonId person, String keyHash, String payloadHash) {
		IdempotencyLedger.Claim claim;
		try {
			claim = ledger.claim(keyHash, payloadHash, new IdempotencyLedger.Guard(
					"SELECT 1 FROM survey_participation WHERE wave_id = ? AND person_id = ?", waveId, person.value()));
		}
		catch (IdempotencyLedger.KeyReused reused) {
			throw new SurveyConflictException(422, "survey.idempotency.mismatch");
		}
		catch (IdempotencyLedger.StillInFlight inFlight) {
			throw new SurveyConflictException(409, "survey.idempotency.inFlight");
		}
		return switch (claim.outcome()) {
			case CLAIMED -> null;
			case REPLAYED -> new SubmissionReceipt(claim.receipt(), true);
			case REFUSED -> throw new SurveyConflictException(409, "survey.wave.alreadyCompleted");
		};
	}

	/**
	 * Forgets keys created before {@code before} and claims a crash left in flight;
	 * returns how many.
	 */
	int purgeIdempotencyKeys(LocalDate before) {
		return ledger.purge(before);
	}

	boolean attributesFromSender(UUID campaignId) {
		return senders.orderedStream().anyMatch(s -> s.attaches(campaignId));
	}

	java.util.Optional<AnonymousAnswer> anonymousAnswer(UUID responseId) {
		return jdbc.query(
				"SELECT id, wave_id, submitted_on, hospital, rotation, answers FROM survey_response_anon WHERE id = ?",
				(rs, i) -> new AnonymousAnswer(rs.getObject("id", UUID.class), rs.getObject("wave_id", UUID.class),
						rs.getObject("submitted_on", LocalDate.class), rs.getString("hospital"),
						rs.getString("rotation"), rs.getString("answers")),
				responseId)
			.stream()
			.findFirst();
	}

	boolean completed(UUID waveId, PersonId person) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? AND person_id = ?",
				Integer.class, waveId, person.value());
		return n != null && n > 0;
	}

	private void store(Campaign c, UUID waveId, PersonId person, String answers, InstrumentScorer.Scored scored,
			SubmissionContext ctx) {
		if (c.privacyMode() == PrivacyMode.ANONYMOUS) {
			pool.add(waveId, new AnonymousResponsePool.Pooled(answers, scored.score(), scored.band(), scored.flags(),
					ctx.hospital(), ctx.rotation(), PgyBand.of(ctx.pgyBand())));
			return;
		}
		UUID id = UUID.randomUUID();
		jdbc.update(
				"INSERT INTO survey_response_identified (id, wave_id, person_id, submitted_at, answers, score,"
						+ " band, flags) VALUES (?,?,?,?,?,?,?,?)",
				id, waveId, person.value(), java.sql.Timestamp.from(Instant.now(clock)), answers, scored.score(),
				scored.band(), String.join(",", scored.flags()));
		jdbc.update("DELETE FROM survey_draft WHERE wave_id = ? AND person_id = ?", waveId, person.value());
		events.publishEvent(new SurveyResponseSubmitted(waveId, id, c.questionnaireId(), c.questionnaireVersion(),
				scored.score(), scored.band(), scored.flags(), c.privacyMode(), person));
	}

}
