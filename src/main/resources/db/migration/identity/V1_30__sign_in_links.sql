-- Single-use, expiring sign-in links (e.g. in a survey invitation). Only the SHA-256 of the
-- token is stored: a database dump cannot be turned into a working link. A link is spent by
-- setting used_at, in the same statement that checks it is unused and unexpired.
CREATE TABLE sign_in_link (
  id          UUID PRIMARY KEY,
  token_hash  VARCHAR(64) NOT NULL UNIQUE,
  person_id   UUID NOT NULL REFERENCES person (id),
  target      VARCHAR(300) NOT NULL,
  purpose     VARCHAR(40) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_link_expiry_idx ON sign_in_link (expires_at);
