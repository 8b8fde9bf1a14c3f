-- The instant of a claim still in flight, so a claim a crash left behind becomes reclaimable after
-- cpr.idempotency.in-flight-timeout (IdempotencyLedger). Cleared when the claim completes: a finished
-- row keeps no time finer than its day.
ALTER TABLE survey_idempotency ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
