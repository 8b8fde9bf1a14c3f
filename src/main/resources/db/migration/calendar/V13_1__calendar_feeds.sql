-- Personal calendar feed links. Only a SHA-256 hash of the secret token is stored; a revoked link
-- keeps its row so that its URL answers "turned off" instead of "unknown".
CREATE TABLE calendar_feed (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  person_id  UUID        NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX calendar_feed_person_idx ON calendar_feed (person_id, revoked_at);
