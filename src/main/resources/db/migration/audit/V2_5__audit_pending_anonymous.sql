-- Audit entries about an anonymous channel (e.g. an alert raised from an anonymous check-in) wait
-- here with the day only, and join the hash chain in a shuffled batch (AnonymousAuditFlush), so
-- their exact time and their place next to identified entries are never stored (I-8, I-15).
CREATE TABLE audit_pending (
  id          UUID          NOT NULL PRIMARY KEY,
  occurred_on DATE          NOT NULL,
  actor_id    UUID,
  action      VARCHAR(64)   NOT NULL,
  record_type VARCHAR(64),
  record_id   VARCHAR(64),
  subject_id  UUID,
  purpose     VARCHAR(64),
  outcome     VARCHAR(16)   NOT NULL,
  detail      VARCHAR(500)
);
