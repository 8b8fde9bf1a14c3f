-- First-run path of a production installation: one set-up link at a time for the whole cluster (row id 1),
-- stored as a SHA-256 of the link's secret, expiring, used once; refused once a system administrator exists.
CREATE TABLE first_run_setup (
  id         INT         NOT NULL PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL,
  issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT first_run_setup_single CHECK (id = 1)
);
