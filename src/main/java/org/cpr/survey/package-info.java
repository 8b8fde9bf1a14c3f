/**
 * Surveys: campaigns and waves, the three privacy modes, the participation ledger, idempotent
 * response storage. Publishes {@link org.cpr.survey.SurveyResponseSubmitted}.
 *
 * <p>Anonymous mode: responses live in {@code survey_response_anon} (random UUID id, wave, day of
 * submission, coarse hospital/rotation/PGY band, answers, score) and the participation ledger
 * {@code survey_participation} holds only (wave, person). The response (with its event publication)
 * and the ledger mark are written in separate transactions and share no identifier; the
 * idempotency row keeps a hash of wave|person|key, a hash of the answers and a random receipt code,
 * never the response id. Residual risks: database transaction ids, WAL/heap order and the
 * idempotency row's answer hash could correlate a ledger mark with a response for someone with raw
 * database access; the idempotency table should be purged daily (not yet scheduled).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package org.cpr.survey;
