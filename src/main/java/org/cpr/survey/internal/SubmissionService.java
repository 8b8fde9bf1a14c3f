package org.cpr.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.shared.PersonId;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SurveyResponseSubmitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent submission. The idempotency claim, the response (+ event), and the participation mark
 * are written in SEPARATE transactions (the claim in one autocommit statement) so the ledger row shares no transaction with the response.
 * Residual risk (documented): database transaction ids / WAL order could still correlate them.
 */
@Service
class SubmissionService {

    record Context(String hospital, String rotation, String pgyBand) {
    }

    record Outcome(String receipt, boolean replay) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CampaignService campaigns;
    private final InstrumentScorer scorer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubmissionService(JdbcTemplate jdbc, PlatformTransactionManager txm, CampaignService campaigns,
                      InstrumentScorer scorer, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        // The application's transaction manager (JPA), not a DataSource one: event publications with
        // listeners are stored through it, and it refuses to run inside a foreign DataSource transaction.
        this.tx = new TransactionTemplate(txm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.campaigns = campaigns;
        this.scorer = scorer;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A FHIR QuestionnaireResponse submitted like the short form: read against the campaign's
     * questionnaire version, then stored by {@link #submit} (same idempotency, validation and storage).
     */
    Outcome submitResponse(UUID waveId, PersonId person, String key, String questionnaireResponse, Context ctx) {
        Campaign c = answerable(waveId, person);
        return submit(waveId, person, key, scorer.read(c, questionnaireResponse), ctx);
    }

    Outcome submit(UUID waveId, PersonId person, String key, Map<String, Object> answers, Context ctx) {
        SubmissionLimits.check(answers, ctx);
        Campaign c = answerable(waveId, person);
        if (c.hospital() != null) {
            ctx = new Context(c.hospital(), ctx.rotation(), ctx.pgyBand());
        }
        InstrumentScorer.Scored scored = scorer.score(c, answers);
        if (!scored.valid()) {
            throw new InvalidAnswersException(scored.errors());
        }
        String canonical = CanonicalAnswers.of(answers);
        String keyHash = CanonicalAnswers.sha256(waveId + "|" + person + "|" + key);
        String payloadHash = CanonicalAnswers.sha256(canonical);
        Outcome existing = claim(waveId, person, keyHash, payloadHash);
        if (existing != null) {
            return existing;
        }
        try {
            UUID responseId = UUID.randomUUID();
            Context context = ctx;
            tx.executeWithoutResult(s -> store(c, waveId, responseId, person, canonical, scored, context));
            if (c.privacyMode().identified()) {
                tx.executeWithoutResult(s -> jdbc.update("DELETE FROM survey_draft WHERE wave_id = ? AND person_id = ?",
                    waveId, person.value()));
            }
            // The participation mark and the finished idempotency claim are about the person, never the
            // response: they share a transaction with each other, not with the response row.
            String receipt = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            tx.executeWithoutResult(s -> {
                jdbc.update("INSERT INTO survey_participation (wave_id, person_id) VALUES (?,?)", waveId, person.value());
                jdbc.update("UPDATE survey_idempotency SET state = 'DONE', receipt = ? WHERE key_hash = ?", receipt, keyHash);
            });
            return new Outcome(receipt, false);
        } catch (RuntimeException e) {
            jdbc.update("DELETE FROM survey_idempotency WHERE key_hash = ?", keyHash);
            throw e;
        }
    }

    /** The wave's campaign when this person may answer it today; otherwise 404, 409 or 403. */
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
     * Claims the key in one statement, which also refuses a person who already completed the wave.
     * Returns a replay outcome if the same submission is already done; throws 422 on a different
     * payload under the same key, 409 while it is in flight or when the wave was already completed.
     */
    private Outcome claim(UUID waveId, PersonId person, String keyHash, String payloadHash) {
        int claimed;
        try {
            claimed = jdbc.update("INSERT INTO survey_idempotency (key_hash, payload_hash, state, created_on)"
                + " SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), 'IN_FLIGHT', CAST(? AS DATE) WHERE NOT EXISTS"
                + " (SELECT 1 FROM survey_participation WHERE wave_id = ? AND person_id = ?)",
                keyHash, payloadHash, LocalDate.now(clock), waveId, person.value());
        } catch (DuplicateKeyException dup) {
            claimed = 0;
        }
        if (claimed == 1) {
            return null;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
            "SELECT payload_hash, state, receipt FROM survey_idempotency WHERE key_hash = ?", keyHash);
        if (rows.isEmpty()) {
            throw new SurveyConflictException(409, "survey.wave.alreadyCompleted");
        }
        Map<String, Object> row = rows.get(0);
        if (!payloadHash.equals(row.get("payload_hash"))) {
            throw new SurveyConflictException(422, "survey.idempotency.mismatch");
        }
        if (!"DONE".equals(row.get("state"))) {
            throw new SurveyConflictException(409, "survey.idempotency.inFlight");
        }
        return new Outcome((String) row.get("receipt"), true);
    }

    boolean completed(UUID waveId, PersonId person) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? AND person_id = ?",
            Integer.class, waveId, person.value());
        return n != null && n > 0;
    }

    private void store(Campaign c, UUID waveId, UUID id, PersonId person, String answers,
                       InstrumentScorer.Scored scored, Context ctx) {
        String flags = String.join(",", scored.flags());
        if (c.privacyMode() == PrivacyMode.ANONYMOUS) {
            jdbc.update("INSERT INTO survey_response_anon (id, wave_id, submitted_on, hospital, rotation, pgy_band,"
                    + " answers, score, band, flags) VALUES (?,?,?,?,?,?,?,?,?,?)", id, waveId, LocalDate.now(clock),
                ctx.hospital(), ctx.rotation(), PgyBand.of(ctx.pgyBand()), answers, scored.score(), scored.band(), flags);
        } else {
            jdbc.update("INSERT INTO survey_response_identified (id, wave_id, person_id, submitted_at, answers, score,"
                    + " band, flags) VALUES (?,?,?,?,?,?,?,?)", id, waveId, person.value(),
                java.sql.Timestamp.from(Instant.now(clock)), answers, scored.score(), scored.band(), flags);
        }
        events.publishEvent(new SurveyResponseSubmitted(waveId, id, c.questionnaireId(), c.questionnaireVersion(),
            scored.score(), scored.band(), scored.flags(), c.privacyMode(),
            c.privacyMode().identified() ? person : null));
    }
}
