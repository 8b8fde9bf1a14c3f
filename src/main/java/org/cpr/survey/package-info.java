/**
 * Surveys: campaigns and waves, the three privacy modes, the participation ledger,
 * idempotent response storage. Publishes {@link org.cpr.survey.SurveyResponseSubmitted}.
 *
 * <p>
 * Anonymous mode: readable responses live in {@code survey_response_anon} (random UUID
 * id, wave, a batch-wide day, coarse hospital/rotation/PGY band, answers, score) and the
 * participation ledger {@code survey_participation} holds only (wave, person). The
 * submission writes the ledger mark and a sealed row of the mixing pool
 * {@code survey_response_pool}; the readable rows are written later in batches of at
 * least k (random order, fresh ids), so transaction ids, commit and physical order link a
 * ledger mark only to a batch, never to a response. The idempotency row keeps keyed HMACs
 * bound to the client's key and a random receipt code, never the response id. What a
 * database administrator can still learn: docs/disclosure.md, "What a database
 * administrator can and cannot learn".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys",
		allowedDependencies = { "shared", "identity", "questionnaire", "disclosure", "notification" })
package org.cpr.survey;
