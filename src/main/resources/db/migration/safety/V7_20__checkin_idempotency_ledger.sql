-- Check-in submissions are made idempotent by the one IdempotencyLedger, like survey answers,
-- speak-up reports and snapshots: keyed fingerprints (HMAC bound to the client's key) and the day,
-- nothing that names the screening or the account. The receipt holds only what the participant
-- is shown again on a retry: the day and whether crisis resources were shown.
CREATE TABLE checkin_idempotency (
  key_hash     VARCHAR(64) NOT NULL PRIMARY KEY,
  payload_hash VARCHAR(64) NOT NULL,
  created_on   DATE        NOT NULL,
  receipt      VARCHAR(64)
);

-- The screening no longer carries a hash of its key (an unkeyed SHA-256 of the key the browser
-- sent): the ledger decides replays. Earlier keys are forgotten, as after the ledger's expiry.
ALTER TABLE checkin_submission DROP CONSTRAINT checkin_submission_key_unique;
ALTER TABLE checkin_submission ALTER COLUMN key_hash DROP NOT NULL;
UPDATE checkin_submission SET key_hash = NULL;
