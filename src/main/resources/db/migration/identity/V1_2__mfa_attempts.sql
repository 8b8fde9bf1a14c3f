-- Second-factor hardening (I-25): the last TOTP time step accepted per account, so a code cannot be
-- used twice in its window, and failed codes per account (not per session) for the guess limit.
ALTER TABLE person ADD COLUMN mfa_last_step BIGINT;

CREATE TABLE mfa_failure (
  id         UUID      PRIMARY KEY,
  person_id  UUID      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mfa_failure_person_idx ON mfa_failure (person_id, failed_at);
