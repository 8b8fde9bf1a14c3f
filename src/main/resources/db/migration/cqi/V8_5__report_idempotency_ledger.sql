-- The speak-up idempotency rows take the shape of the one IdempotencyLedger: the day the key was
-- first used instead of its expiry day (the receipt is rebuilt on a replay, so none is stored).
-- Rows carried over keep their expiry day as their creation day, so they live three days longer once.
ALTER TABLE cqi_report_idempotency ADD COLUMN created_on DATE;
UPDATE cqi_report_idempotency SET created_on = expires_on;
ALTER TABLE cqi_report_idempotency ALTER COLUMN created_on SET NOT NULL;
ALTER TABLE cqi_report_idempotency DROP COLUMN expires_on;
