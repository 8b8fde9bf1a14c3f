-- Mixing pool for anonymous answers (I-8, I-12). The submission transaction writes the participation
-- mark and one sealed pool row (AES-GCM under the application's key, which never touches the
-- database); a later flush moves a batch of at least k pooled answers into survey_response_anon in
-- random order, with fresh random ids and a batch-wide day, and deletes the pool rows. So the
-- transaction id, commit order and physical position of a readable answer only say "one of this
-- batch", never "this person". The pool row carries nothing that survives into the readable row.
CREATE TABLE survey_response_pool (
  id      UUID           NOT NULL PRIMARY KEY,
  wave_id UUID           NOT NULL,
  sealed  VARCHAR(24000) NOT NULL
);
CREATE INDEX survey_response_pool_wave_idx ON survey_response_pool (wave_id);
-- Old idempotency rows hold an unkeyed SHA-256 of the stored answers (joinable to the response
-- table); they only guard retries, so they go. New rows hold keyed HMACs only.
DELETE FROM survey_idempotency;
