-- Append-only audit log. Each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_log (
  seq         BIGINT        NOT NULL PRIMARY KEY,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_id    UUID,
  action      VARCHAR(64)   NOT NULL,
  record_type VARCHAR(64),
  record_id   VARCHAR(64),
  subject_id  UUID,
  purpose     VARCHAR(64),
  outcome     VARCHAR(16)   NOT NULL,
  detail      VARCHAR(500),
  prev_hash   VARCHAR(64)   NOT NULL,
  hash        VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, occurred_at);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id);
