-- Snapshot submissions take their idempotency from the one IdempotencyLedger: the key fingerprint, the
-- answers' fingerprint and the submission id (the receipt a retry replays) move to their own table.
CREATE TABLE assessment_idempotency (
  key_hash     VARCHAR(64) NOT NULL PRIMARY KEY,
  payload_hash VARCHAR(64) NOT NULL,
  receipt      VARCHAR(64),
  created_on   DATE        NOT NULL
);
INSERT INTO assessment_idempotency (key_hash, payload_hash, receipt, created_on)
  SELECT key_hash, payload_hash, CAST(id AS VARCHAR(64)), CAST(submitted_at AS DATE) FROM assessment_submission;
-- No longer written. Kept nullable (not dropped) so code written meanwhile on other branches that still
-- inserts them keeps working; a later migration drops them.
ALTER TABLE assessment_submission ALTER COLUMN key_hash DROP NOT NULL;
ALTER TABLE assessment_submission ALTER COLUMN payload_hash DROP NOT NULL;
